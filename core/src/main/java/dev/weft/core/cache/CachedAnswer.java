package dev.weft.core.cache;

import dev.weft.core.chat.CacheHit;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.TokenUsage;

/**
 * A stored answer: what a hit returns, and what producing it originally cost.
 *
 * @param served the answer as an exact hit returns it: the original message, finish reason and model, with
 *     {@link TokenUsage#ZERO} (a hit spends no tokens, so cost tracking outside the cache charges nothing),
 *     {@code Timings.ZERO} and a {@link CacheHit} mark
 * @param originalUsage the tokens the original call spent, which each hit saves
 */
record CachedAnswer(ChatResponse served, TokenUsage originalUsage) {

    static CachedAnswer of(ChatResponse original) {
        return new CachedAnswer(original.servedFromCache(CacheHit.exact(original.usage())), original.usage());
    }

    /** The answer as a semantic hit at {@code similarity} serves it. */
    ChatResponse servedAt(double similarity) {
        return served.servedFromCache(CacheHit.semantic(similarity, originalUsage));
    }

    /** The answer as a call that waited for this one's identical call in flight is served it. */
    ChatResponse sharedInFlight() {
        return served.servedFromCache(CacheHit.coalesced(originalUsage));
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
