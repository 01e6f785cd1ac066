package dev.weft.core.flow;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a request asks of a model: the capabilities beyond plain chat that it uses, and an estimate of its size.
 * Immutable.
 *
 * @param capabilities {@code TOOLS} when it offers tools, {@code JSON_OUTPUT} or {@code JSON_SCHEMA_OUTPUT} for its
 *     response format
 * @param inputTokens the counter applied to every message's text (an assistant's tool calls: name and arguments;
 *     a tool result: its content) and to every tool's name, description and schema, summed
 * @param outputTokens the request's {@code maxTokens}, or the expectation given when it has none
 */
record RequestNeeds(Set<Capability> capabilities, long inputTokens, long outputTokens) {

    static RequestNeeds of(ChatRequest request, TokenCounter counter, int expectedOutputTokens) {
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        if (!request.tools().isEmpty()) {
            needs.add(Capability.TOOLS);
        }
        switch (request.responseFormat()) {
            case ResponseFormat.Json json -> needs.add(Capability.JSON_OUTPUT);
            case ResponseFormat.JsonSchema schema -> needs.add(Capability.JSON_SCHEMA_OUTPUT);
            case ResponseFormat.Text text -> { }
        }
        long input = 0;
        for (Message m : request.messages()) {
            input += count(m, counter);
        }
        for (ToolSpec tool : request.tools()) {
            input += counter.count(tool.name()) + counter.count(tool.description()) + counter.count(tool.parameters().toString());
        }
        Integer max = request.sampling().maxTokens();
        return new RequestNeeds(Set.copyOf(needs), input, max != null ? max : expectedOutputTokens);
    }

    private static long count(Message message, TokenCounter counter) {
        return switch (message) {
            case SystemMessage s -> counter.count(s.text());
            case UserMessage u -> counter.count(u.text());
            case ToolResultMessage t -> counter.count(t.content());
            case AssistantMessage a -> {
                long n = counter.count(a.text());
                for (ToolCall call : a.toolCalls()) {
                    n += counter.count(call.name()) + counter.count(call.arguments());
                }
                yield n;
            }
        };
    }

    /** The usage this request is expected to have. */
    TokenUsage usage() {
        return new TokenUsage(inputTokens, outputTokens);
    }

    /** Why {@code model} cannot serve this request, or null when it can. A context window of 0 (unknown) fits anything. */
    String misfit(ModelInfo model) {
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        for (Capability c : capabilities) {
            if (!model.has(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            return "lacks " + missing;
        }
        long total = inputTokens + outputTokens;
        if (model.contextWindow() > 0 && total > model.contextWindow()) {
            return "context window " + model.contextWindow() + " < " + total + " tokens";
        }
        return null;
    }
}
