package dev.weft.core.cache;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Model answers for the cache tests, with real usage and timings so that a served copy is told apart. */
final class Answers {
    static final TokenUsage USAGE = new TokenUsage(120, 30);
    static final Timings TIMINGS = new Timings(Duration.ofMillis(80), Duration.ofMillis(450));

    private Answers() {}

    static ChatResponse text(String text, ModelInfo model) {
        return finishing(text, FinishReason.STOP, model);
    }

    static ChatResponse finishing(String text, FinishReason reason, ModelInfo model) {
        return new ChatResponse(AssistantMessage.of(text), USAGE, reason, model, TIMINGS);
    }

    static ChatResponse toolCall(FinishReason reason, ModelInfo model) {
        return new ChatResponse(new AssistantMessage("", List.of(new ToolCall("call-1", "get_weather", "{\"city\":\"Paris\"}"))),
                USAGE, reason, model, TIMINGS);
    }

    /** {@code text} in deltas of three characters. */
    static List<ChatDelta> deltas(String text) {
        List<ChatDelta> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 3) {
            out.add(new ChatDelta.Text(text.substring(i, Math.min(text.length(), i + 3))));
        }
        return out;
    }
}
