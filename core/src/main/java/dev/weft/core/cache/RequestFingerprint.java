package dev.weft.core.cache;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.model.ModelInfo;
import java.util.HexFormat;
import java.util.List;

/**
 * What the caches hash: everything in a request that can change the answer, and nothing else.
 *
 * <p>In: the model's id, provider and version; every message in order (system prompt, user turns, assistant
 * turns with their tool calls, tool results with their error flag); the tools with their descriptions and
 * parameter schemas, in order; the response format; every sampling field; and, for the semantic cache, the
 * tenant. Out: the rest of the {@link dev.weft.core.chat.RequestContext} (user, feature, conversation,
 * attributes — prompt ids and experiment variants included: they label a request, the rendered messages are
 * what the model reads) and the model's pricing, capabilities and attributes.
 *
 * <p>JSON (tool schemas, response schemas) is hashed with sorted property names, so requests that are
 * {@code equals} hash the same. The encoding is versioned by a leading domain string; change it when the
 * encoding changes, so that keys of different encodings can never meet in a shared cache.
 */
final class RequestFingerprint {
    private static final String EXACT_DOMAIN = "weft.cache.exact.v1";
    private static final String SEMANTIC_DOMAIN = "weft.cache.semantic.v1";

    // Message kinds and sampling field markers.
    private static final int SYSTEM = 40;
    private static final int USER = 41;
    private static final int ASSISTANT = 42;
    private static final int TOOL_RESULT = 43;
    private static final int FORMAT_TEXT = 50;
    private static final int FORMAT_JSON = 51;
    private static final int FORMAT_JSON_SCHEMA = 52;

    private RequestFingerprint() {}

    /** The exact cache's key of {@code request} sent to {@code model}. */
    static ExactKey exactKey(ChatRequest request, ModelInfo model) {
        CanonicalDigest d = new CanonicalDigest().string(EXACT_DOMAIN);
        model(d, model);
        messages(d, request.messages());
        rest(d, request);
        return ExactKey.of(request.context().tenantId(), d.finish());
    }

    /**
     * The semantic cache's partition of {@code request}: a hash of everything but the final user turn, the
     * tenant included, plus what decides how that turn was embedded (the embedding model and the normalisation).
     * Requests whose partitions are equal differ at most in their final user turn.
     */
    static String semanticPartition(ChatRequest request, ModelInfo model, ModelInfo embedder, boolean lowerCase) {
        CanonicalDigest d = new CanonicalDigest().string(SEMANTIC_DOMAIN);
        d.string(request.context().tenantId());
        model(d, model);
        model(d, embedder);
        d.bool(lowerCase);
        List<Message> messages = request.messages();
        messages(d, messages.subList(0, messages.size() - 1));
        rest(d, request);
        return HexFormat.of().formatHex(d.finish());
    }

    private static void model(CanonicalDigest d, ModelInfo model) {
        d.string(model.id()).string(model.provider()).string(model.version());
    }

    private static void messages(CanonicalDigest d, List<Message> messages) {
        d.listOf(messages.size());
        for (Message m : messages) {
            switch (m) {
                case SystemMessage s -> d.tag(SYSTEM).string(s.text());
                case UserMessage u -> d.tag(USER).string(u.text());
                case AssistantMessage a -> {
                    d.tag(ASSISTANT).string(a.text()).listOf(a.toolCalls().size());
                    for (ToolCall c : a.toolCalls()) {
                        d.string(c.id()).string(c.name()).string(c.arguments());
                    }
                }
                case ToolResultMessage t -> d.tag(TOOL_RESULT).string(t.toolCallId()).string(t.toolName())
                        .string(t.content()).bool(t.error());
            }
        }
    }

    /** Tools, response format and sampling. */
    private static void rest(CanonicalDigest d, ChatRequest request) {
        d.listOf(request.tools().size());
        for (ToolSpec tool : request.tools()) {
            d.string(tool.name()).string(tool.description()).json(tool.parameters());
        }
        switch (request.responseFormat()) {
            case ResponseFormat.Text t -> d.tag(FORMAT_TEXT);
            case ResponseFormat.Json j -> d.tag(FORMAT_JSON);
            case ResponseFormat.JsonSchema s -> d.tag(FORMAT_JSON_SCHEMA).string(s.name()).json(s.schema()).bool(s.strict());
        }
        Sampling s = request.sampling();
        d.doubleValue(s.temperature()).doubleValue(s.topP()).integer(s.topK()).integer(s.maxTokens())
                .longValue(s.seed()).strings(s.stop()).doubleValue(s.repetitionPenalty());
    }
}
