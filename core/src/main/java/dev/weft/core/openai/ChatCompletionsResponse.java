package dev.weft.core.openai;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.model.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of a non-streamed chat completion into a {@link ChatResponse}: the first choice's message
 * (content, {@code refusal}, {@code tool_calls}), {@code finish_reason}, {@code usage} and the reporting model.
 * Anything missing or malformed becomes {@link InvalidModelResponseException} with an excerpt of the body.
 *
 * <p>A {@code refusal} (OpenAI's structured-output refusal) becomes the answer's text with finish reason
 * {@link FinishReason#CONTENT_FILTER}, so that callers expecting JSON notice.
 */
final class ChatCompletionsResponse {
    private ChatCompletionsResponse() {}

    static ChatResponse decode(byte[] bytes, AnsweringModel model, Duration elapsed, String where) {
        JsonNode root = WireValues.parse(bytes, "The chat completion from " + where);
        if (!root.isObject()) {
            throw new InvalidModelResponseException("The chat completion from " + where + " is not a JSON object", text(bytes));
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw HttpFailures.fromError(0, ErrorBody.from(root, text(bytes)), null, where);
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new InvalidModelResponseException("The chat completion from " + where + " has no choices", text(bytes));
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new InvalidModelResponseException("The chat completion from " + where + " has no message in its first choice",
                    text(bytes));
        }
        try {
            String content = WireValues.content(message.get("content"), null);
            String refusal = WireValues.string(message, "refusal", null);
            List<ToolCall> calls = toolCalls(message.get("tool_calls"));
            FinishReason finish = WireValues.finishReason(WireValues.string(choice, "finish_reason", null));
            if (refusal != null && !refusal.isEmpty()) {
                content = content.isEmpty() ? refusal : content;
                finish = FinishReason.CONTENT_FILTER;
            }
            TokenUsage usage = WireValues.usage(root.get("usage"), null);
            return new ChatResponse(new AssistantMessage(content, calls), usage == null ? TokenUsage.ZERO : usage, finish,
                    model.reportedAs(WireValues.string(root, "model", null)), Timings.of(elapsed),
                    WireValues.string(root, "id", null), null);
        } catch (InvalidModelResponseException e) {
            // The details are read without building the body's text; name the source and attach it now.
            throw new InvalidModelResponseException("The chat completion from " + where + " is malformed: " + WireValues.reason(e),
                    e.payloadExcerpt().isEmpty() ? text(bytes) : e.payloadExcerpt(), e);
        }
    }

    private static List<ToolCall> toolCalls(JsonNode calls) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw new InvalidModelResponseException("'tool_calls' is not an array", null);
        }
        List<ToolCall> result = new ArrayList<>(calls.size());
        int i = 0;
        for (JsonNode call : calls) {
            if (!call.isObject()) {
                throw new InvalidModelResponseException("tool call #" + i + " is not an object", null);
            }
            JsonNode function = call.get("function");
            if (function == null || !function.isObject()) {
                throw new InvalidModelResponseException("tool call #" + i + " has no 'function'", null);
            }
            result.add(WireValues.toolCall(WireValues.string(call, "id", null), WireValues.string(function, "name", null),
                    WireValues.arguments(function.get("arguments"), null), i, null));
            i++;
        }
        return result;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
