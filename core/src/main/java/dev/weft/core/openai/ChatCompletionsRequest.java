package dev.weft.core.openai;

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
import dev.weft.core.json.WeftJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ChatRequest} as the body of {@code POST /chat/completions}.
 *
 * <p>Mapping: {@link SystemMessage} → {@code system}, {@link UserMessage} → {@code user},
 * {@link AssistantMessage} → {@code assistant} with {@code tool_calls} (content {@code null} when it only calls
 * tools), {@link ToolResultMessage} → {@code tool} with {@code tool_call_id} (the wire format has no place for
 * the tool's name or the error flag; the content carries the failure). Tools become {@code function} tools;
 * {@code ResponseFormat.JSON} becomes {@code json_object}; JSON Schema becomes {@code json_schema}.
 */
final class ChatCompletionsRequest {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsRequest.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatCompletionsRequest() {}

    static byte[] encode(ChatRequest request, ChatOptions options, boolean stream) {
        return WeftJson.mapper().writeValueAsBytes(tree(request, options, stream));
    }

    static ObjectNode tree(ChatRequest request, ChatOptions options, boolean stream) {
        ObjectNode body = NODES.objectNode();
        body.put("model", options.model());
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            messages.add(message(m));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", t.name());
                if (!t.description().isEmpty()) {
                    function.put("description", t.description());
                }
                function.set("parameters", t.parameters());
            }
            if (options.parallelToolCalls() != null) {
                body.put("parallel_tool_calls", options.parallelToolCalls());
            }
        }
        switch (request.responseFormat()) {
            case ResponseFormat.Text t -> { }
            case ResponseFormat.Json j -> body.putObject("response_format").put("type", "json_object");
            case ResponseFormat.JsonSchema s -> {
                ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
                schema.put("name", s.name());
                schema.set("schema", s.schema());
                schema.put("strict", s.strict());
            }
        }
        sampling(body, request.sampling(), options);
        if (stream) {
            body.put("stream", true);
            if (options.streamUsage()) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        return body;
    }

    private static ObjectNode message(Message message) {
        ObjectNode m = NODES.objectNode();
        switch (message) {
            case SystemMessage s -> m.put("role", "system").put("content", s.text());
            case UserMessage u -> m.put("role", "user").put("content", u.text());
            case AssistantMessage a -> {
                m.put("role", "assistant");
                if (a.hasToolCalls() && a.text().isEmpty()) {
                    m.putNull("content");
                } else {
                    m.put("content", a.text());
                }
                if (a.hasToolCalls()) {
                    ArrayNode calls = m.putArray("tool_calls");
                    for (ToolCall c : a.toolCalls()) {
                        ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
                        call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
                    }
                }
            }
            case ToolResultMessage t -> m.put("role", "tool").put("tool_call_id", t.toolCallId()).put("content", t.content());
        }
        return m;
    }

    private static void sampling(ObjectNode body, Sampling s, ChatOptions options) {
        if (s.temperature() != null) {
            body.put("temperature", s.temperature());
        }
        if (s.topP() != null) {
            body.put("top_p", s.topP());
        }
        if (s.maxTokens() != null) {
            body.put(options.maxTokens().field(), s.maxTokens());
        }
        if (s.seed() != null) {
            body.put("seed", s.seed());
        }
        if (!s.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stop().forEach(stop::add);
        }
        if (options.nonStandardSampling()) {
            if (s.topK() != null) {
                body.put("top_k", s.topK());
            }
            if (s.repetitionPenalty() != null) {
                body.put("repetition_penalty", s.repetitionPenalty());
            }
        } else if ((s.topK() != null || s.repetitionPenalty() != null) && LOG.isDebugEnabled()) {
            LOG.debug("Not sending topK/repetitionPenalty to {}: OpenAI rejects them; enable nonStandardSampling for servers that take them",
                    options.model());
        }
    }
}
