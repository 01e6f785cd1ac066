package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.TokenUsage;

/**
 * Marks a {@link ChatResponse} that a cache served instead of a model: which cache, how close the match was, and
 * the tokens the original call spent (which this hit saved). A served answer itself reports zero usage, so cost
 * tracking outside the cache charges nothing for it. Immutable.
 *
 * @param kind which cache answered
 * @param similarity cosine similarity of the query to the cached one; 1 for an exact or coalesced hit
 * @param savedUsage the usage of the call whose answer was reused
 */
public record CacheHit(Kind kind, double similarity, TokenUsage savedUsage) {

    /** The caches that can answer. */
    public enum Kind {
        /** The request matched a cached one in everything that changes the answer. */
        EXACT,
        /** The final user turn was close enough to a cached one, and everything else matched exactly. */
        SEMANTIC,
        /**
         * The request was identical to one already at the model when it arrived, and was given that call's
         * answer instead of calling again (an exact cache coalescing concurrent misses).
         */
        COALESCED
    }

    public CacheHit {
        Preconditions.notNull(kind, "kind");
        savedUsage = savedUsage == null ? TokenUsage.ZERO : savedUsage;
    }

    /** An exact-cache hit that saved {@code savedUsage}. */
    public static CacheHit exact(TokenUsage savedUsage) {
        return new CacheHit(Kind.EXACT, 1, savedUsage);
    }

    /** An answer shared from an identical call in flight, which saved {@code savedUsage}. */
    public static CacheHit coalesced(TokenUsage savedUsage) {
        return new CacheHit(Kind.COALESCED, 1, savedUsage);
    }

    /** A semantic-cache hit at {@code similarity} that saved {@code savedUsage}. */
    public static CacheHit semantic(double similarity, TokenUsage savedUsage) {
        return new CacheHit(Kind.SEMANTIC, similarity, savedUsage);
    }
}
