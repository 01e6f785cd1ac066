package dev.weft.core.cost;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;

/**
 * Estimates a call's usage before it is made. Input: the tokens of every message's text (tool calls' names and
 * arguments, tool results' content), plus {@value #MESSAGE_OVERHEAD} per message for the role and separators, plus each
 * tool's name, description and parameter schema, plus a JSON-schema response format's schema. Output: the request's
 * {@code maxTokens}, or the configured default. Schemas are counted once per instance (held weakly). Thread-safe.
 */
final class UsageEstimator {
    /** Tokens a chat template adds around each message (role, separators); OpenAI's documented figure is 3–4. */
    static final int MESSAGE_OVERHEAD = 4;

    private final TokenCounter counter;
    private final int defaultOutputTokens;
    private final Cache<Object, Integer> schemaTokens = Caffeine.newBuilder().weakKeys().maximumSize(4_096).build();

    UsageEstimator(TokenCounter counter, int defaultOutputTokens) {
        this.counter = counter;
        this.defaultOutputTokens = defaultOutputTokens;
    }

    TokenUsage estimate(ChatRequest request) {
        long input = 0;
        for (Message m : request.messages()) {
            input += MESSAGE_OVERHEAD + switch (m) {
                case SystemMessage s -> count(s.text());
                case UserMessage u -> count(u.text());
                case AssistantMessage a -> count(a.text()) + toolCalls(a);
                case ToolResultMessage t -> count(t.content());
            };
        }
        for (ToolSpec tool : request.tools()) {
            input += schemaTokens.get(tool, k -> count(tool.name()) + count(tool.description()) + count(tool.parameters().toString()));
        }
        if (request.responseFormat() instanceof ResponseFormat.JsonSchema schema) {
            input += schemaTokens.get(schema, k -> count(schema.name()) + count(schema.schema().toString()));
        }
        Integer max = request.sampling().maxTokens();
        return new TokenUsage(input, max != null ? max : defaultOutputTokens);
    }

    /** The tokens of a piece of streamed output. */
    int count(String text) {
        return text.isEmpty() ? 0 : counter.count(text);
    }

    private long toolCalls(AssistantMessage a) {
        long n = 0;
        for (ToolCall c : a.toolCalls()) {
            n += count(c.name()) + count(c.arguments());
        }
        return n;
    }
}
