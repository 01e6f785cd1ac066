package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;

/**
 * A model's answer and the facts about how it was produced. Immutable.
 *
 * @param message the answer
 * @param usage tokens read and written
 * @param finishReason why the model stopped
 * @param model the model that answered (after routing or fallback, not necessarily the one called)
 * @param timings how long it took
 */
public record ChatResponse(AssistantMessage message, TokenUsage usage, FinishReason finishReason, ModelInfo model,
        Timings timings) {

    public ChatResponse {
        Preconditions.notNull(message, "message");
        Preconditions.notNull(model, "model");
        usage = usage == null ? TokenUsage.ZERO : usage;
        finishReason = finishReason == null ? FinishReason.STOP : finishReason;
        timings = timings == null ? Timings.ZERO : timings;
    }

    /** The answer's text. */
    public String text() {
        return message.text();
    }
}
