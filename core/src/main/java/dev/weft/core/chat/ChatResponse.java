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
 * @param id the provider's id for this response ({@code chatcmpl-…}), or {@code null} when it gives none
 * @param cacheHit set when a cache served this answer instead of a model, else {@code null}
 */
public record ChatResponse(AssistantMessage message, TokenUsage usage, FinishReason finishReason, ModelInfo model,
        Timings timings, String id, CacheHit cacheHit) {

    /** A response without a provider id, produced by a model (not a cache). */
    public ChatResponse(AssistantMessage message, TokenUsage usage, FinishReason finishReason, ModelInfo model,
            Timings timings) {
        this(message, usage, finishReason, model, timings, null, null);
    }

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

    /** Whether a cache served this answer. */
    public boolean fromCache() {
        return cacheHit != null;
    }

    /** This response as a cache serves it: zero usage and timings, marked with {@code hit}. */
    public ChatResponse servedFromCache(CacheHit hit) {
        return new ChatResponse(message, TokenUsage.ZERO, finishReason, model, Timings.ZERO, id, Preconditions.notNull(hit, "hit"));
    }
}
