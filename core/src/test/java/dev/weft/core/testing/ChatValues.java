package dev.weft.core.testing;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instancio.Random;

/** Generators for the chat package's values, each respecting its constructor's validation. */
public final class ChatValues {
    private static final char[] TOOL_NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".toCharArray();

    private ChatValues() {}

    public static SystemMessage systemMessage(Random r) {
        return new SystemMessage(Texts.text(r, 40));
    }

    public static UserMessage userMessage(Random r) {
        return new UserMessage(Texts.text(r, 40));
    }

    /** Arguments as a model may write them: a JSON object, or anything at all (they are not validated). */
    public static String arguments(Random r) {
        return switch (r.intRange(0, 3)) {
            case 0 -> null;
            case 1 -> Texts.text(r, 20);
            default -> JsonValues.object(r, 2).toString();
        };
    }

    public static ToolCall toolCall(Random r) {
        return new ToolCall(Texts.nonBlank(r, 12), Texts.nonBlank(r, 12), arguments(r));
    }

    public static AssistantMessage assistantMessage(Random r) {
        List<ToolCall> calls = new ArrayList<>();
        int n = r.intRange(0, 3);
        for (int i = 0; i < n; i++) {
            calls.add(toolCall(r));
        }
        return new AssistantMessage(r.trueOrFalse(0.2) ? null : Texts.text(r, 40), r.trueOrFalse(0.2) ? null : calls);
    }

    public static ToolResultMessage toolResultMessage(Random r) {
        return new ToolResultMessage(Texts.nonBlank(r, 12), Texts.nonBlank(r, 12), Texts.text(r, 40), r.trueOrFalse());
    }

    public static Message message(Random r) {
        return switch (r.intRange(0, 3)) {
            case 0 -> systemMessage(r);
            case 1 -> userMessage(r);
            case 2 -> assistantMessage(r);
            default -> toolResultMessage(r);
        };
    }

    public static String toolName(Random r) {
        return r.stringOf(r.intRange(1, 64), TOOL_NAME_CHARS);
    }

    public static ToolSpec toolSpec(Random r) {
        return new ToolSpec(toolName(r), r.trueOrFalse(0.2) ? null : Texts.text(r, 30), JsonValues.schema(r));
    }

    public static ResponseFormat responseFormat(Random r) {
        return switch (r.intRange(0, 2)) {
            case 0 -> ResponseFormat.TEXT;
            case 1 -> ResponseFormat.JSON;
            default -> new ResponseFormat.JsonSchema(Texts.nonBlank(r, 12), JsonValues.schema(r), r.trueOrFalse());
        };
    }

    public static Sampling sampling(Random r) {
        List<String> stop = new ArrayList<>();
        int n = r.intRange(0, 3);
        for (int i = 0; i < n; i++) {
            stop.add(Texts.nonBlank(r, 5));
        }
        return new Sampling(
                r.trueOrFalse() ? null : (r.trueOrFalse(0.2) ? 0.0 : r.doubleRange(0, 2)),
                r.trueOrFalse() ? null : (r.trueOrFalse(0.2) ? 1.0 : r.doubleRange(0.001, 1)),
                r.trueOrFalse() ? null : r.intRange(1, 200),
                r.trueOrFalse() ? null : r.intRange(1, 1_000_000),
                r.trueOrFalse() ? null : r.longRange(Long.MIN_VALUE, Long.MAX_VALUE),
                r.trueOrFalse(0.2) ? null : stop,
                r.trueOrFalse() ? null : r.doubleRange(0.01, 3));
    }

    public static RequestContext requestContext(Random r) {
        return new RequestContext(
                r.trueOrFalse() ? null : Texts.text(r, 10),
                r.trueOrFalse() ? null : Texts.text(r, 10),
                r.trueOrFalse() ? null : Texts.text(r, 10),
                r.trueOrFalse() ? null : Texts.text(r, 10),
                r.trueOrFalse(0.2) ? null : ModelValues.stringMap(r, 3));
    }

    public static ChatRequest chatRequest(Random r) {
        List<Message> messages = new ArrayList<>();
        int n = r.intRange(1, 5);
        for (int i = 0; i < n; i++) {
            messages.add(message(r));
        }
        Map<String, ToolSpec> tools = new LinkedHashMap<>();
        int t = r.intRange(0, 3);
        for (int i = 0; i < t; i++) {
            ToolSpec spec = toolSpec(r);
            tools.putIfAbsent(spec.name(), spec);
        }
        return new ChatRequest(messages, new ArrayList<>(tools.values()),
                r.trueOrFalse(0.2) ? null : responseFormat(r),
                r.trueOrFalse(0.2) ? null : sampling(r),
                r.trueOrFalse(0.2) ? null : requestContext(r));
    }

    public static Timings timings(Random r) {
        long total = r.longRange(0, 600_000_000_000L);
        long first = r.longRange(0, total);
        return new Timings(Duration.ofNanos(first), Duration.ofNanos(total));
    }

    public static ChatResponse chatResponse(Random r) {
        return new ChatResponse(assistantMessage(r),
                r.trueOrFalse(0.2) ? null : ModelValues.usage(r),
                r.trueOrFalse(0.2) ? null : r.oneOf(FinishReason.values()),
                ModelValues.modelInfo(r),
                r.trueOrFalse(0.2) ? null : timings(r));
    }

    public static ChatDelta.Text textDelta(Random r) {
        return new ChatDelta.Text(Texts.nonBlank(r, 20));
    }

    public static ChatDelta.ToolCallChunk toolCallChunk(Random r) {
        boolean first = r.trueOrFalse();
        return new ChatDelta.ToolCallChunk(r.intRange(0, 8),
                first ? Texts.nonBlank(r, 10) : null,
                first ? toolName(r) : null,
                r.trueOrFalse(0.2) ? null : Texts.text(r, 15));
    }

    public static ChatDelta delta(Random r) {
        return r.trueOrFalse() ? textDelta(r) : toolCallChunk(r);
    }
}
