package dev.weft.core.cache;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.TokenUsage;

/**
 * A stored answer: what a hit returns, and what producing it originally cost.
 *
 * @param served the answer as a hit returns it: the original message, finish reason and model, with
 *     {@link TokenUsage#ZERO} (a hit spends no tokens, so cost tracking outside the cache charges nothing) and
 *     {@link Timings#ZERO} (nothing was measured; {@code Timings.ZERO} is core's documented mark of a cached answer)
 * @param originalUsage the tokens the original call spent, which each hit saves
 */
record CachedAnswer(ChatResponse served, TokenUsage originalUsage) {

    static CachedAnswer of(ChatResponse original) {
        ChatResponse served = new ChatResponse(original.message(), TokenUsage.ZERO, original.finishReason(),
                original.model(), Timings.ZERO);
        return new CachedAnswer(served, original.usage());
    }

    /** The weight of this entry for a weight-bounded cache: the characters of the answer, at least 1. */
    int characters() {
        long n = served.message().text().length();
        for (var call : served.message().toolCalls()) {
            n += call.id().length() + call.name().length() + call.arguments().length();
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, n));
    }
}
