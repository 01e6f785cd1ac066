package dev.weft.core.openai;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.TokenUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading the small values that chat completions, chunks and embeddings share. */
final class WireValues {
    private WireValues() {}

    /** Parses one JSON document from the provider; invalid JSON becomes {@link InvalidModelResponseException}. */
    static JsonNode parse(String json, String what) {
        try {
            return WeftJson.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new InvalidModelResponseException(what + " is not valid JSON: " + e.getOriginalMessage(), json, e);
        }
    }

    /** Parses one JSON document from the provider's bytes. */
    static JsonNode parse(byte[] json, String what) {
        try {
            return WeftJson.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new InvalidModelResponseException(what + " is not valid JSON: " + e.getOriginalMessage(),
                    new String(json, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** The {@code usage} object's counts; null when absent or JSON null (servers send {@code "usage":null} on every chunk but the last). */
    static TokenUsage usage(JsonNode usage, String payload) {
        if (usage == null || usage.isNull() || usage.isMissingNode()) {
            return null;
        }
        if (!usage.isObject()) {
            throw new InvalidModelResponseException("usage is not an object", payload);
        }
        long in = count(usage.get("prompt_tokens"), "usage.prompt_tokens", payload);
        long out = count(usage.get("completion_tokens"), "usage.completion_tokens", payload);
        return new TokenUsage(in, out);
    }

    private static long count(JsonNode n, String name, String payload) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new InvalidModelResponseException(name + " is not a non-negative integer", payload);
        }
        return n.asLong();
    }

    /**
     * The wire's finish reason as Weft's. OpenAI sends {@code stop}, {@code length}, {@code tool_calls},
     * {@code content_filter} and (legacy) {@code function_call}; other servers add their own ({@code eos},
     * TGI's {@code eos_token} and {@code stop_sequence}), which map to the nearest meaning.
     */
    static FinishReason finishReason(String reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "stop", "eos", "eos_token", "stop_sequence", "end_turn" -> FinishReason.STOP;
            case "length", "max_tokens" -> FinishReason.LENGTH;
            case "tool_calls", "function_call", "tool_use" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** A string field, or null when absent or JSON null; anything else is malformed. */
    static String string(JsonNode parent, String field, String payload) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw new InvalidModelResponseException("'" + field + "' is not a string", payload);
        }
        return n.stringValue();
    }

    /**
     * Message content: a string, null, or (some servers) an array of {@code {"type":"text","text":…}} parts,
     * whose texts are joined.
     */
    static String content(JsonNode content, String payload) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode text = part.get("text");
                if (text != null && text.isString()) {
                    sb.append(text.stringValue());
                }
            }
            return sb.toString();
        }
        throw new InvalidModelResponseException("message content is neither a string nor an array of parts", payload);
    }

    /**
     * Tool-call arguments as text: the wire sends a JSON string holding a JSON object; a few servers send the
     * object itself, which is written back to text.
     */
    static String arguments(JsonNode arguments, String payload) {
        if (arguments == null || arguments.isNull()) {
            return "";
        }
        if (arguments.isString()) {
            return arguments.stringValue();
        }
        if (arguments.isObject()) {
            return arguments.toString();
        }
        throw new InvalidModelResponseException("tool-call arguments are neither a string nor an object", payload);
    }

    /** A complete tool call, after checking that its arguments are a JSON object. */
    static ToolCall toolCall(String id, String name, String arguments, int index, String payload) {
        if (id == null || id.isBlank()) {
            throw new InvalidModelResponseException("tool call #" + index + " has no id", payload);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidModelResponseException("tool call #" + index + " (" + id + ") has no function name", payload);
        }
        if (!arguments.isBlank()) {
            JsonNode parsed;
            try {
                parsed = WeftJson.mapper().readTree(arguments);
            } catch (JacksonException e) {
                throw new InvalidModelResponseException("the arguments of tool call '" + name + "' (" + id
                        + ") are not valid JSON: " + e.getOriginalMessage(), arguments, e);
            }
            if (parsed == null || !parsed.isObject()) {
                throw new InvalidModelResponseException("the arguments of tool call '" + name + "' (" + id
                        + ") are not a JSON object", arguments);
            }
        }
        return new ToolCall(id, name, arguments);
    }

    /** The message of {@code e} without the payload excerpt it appends. */
    static String reason(InvalidModelResponseException e) {
        String m = e.getMessage();
        int suffix = " (payload: ".length() + e.payloadExcerpt().length() + 1;
        return m.length() >= suffix ? m.substring(0, m.length() - suffix) : m;
    }
}
