package dev.weft.core.cache;

import dev.weft.core.model.TokenUsage;

/**
 * A snapshot of what an {@link ExactCache} has done. Every call (and every stream, when it is opened) is either
 * a hit or a miss; a miss becomes a store when its answer is cacheable and, for a stream, when the stream ends
 * normally.
 *
 * @param hits calls answered from the cache
 * @param misses calls passed on to the model
 * @param stores answers put in the cache
 * @param evictions entries removed for size or age (counted when the cache removes them, which for expired
 *     entries may be a little after they expire); explicit invalidation is not counted
 * @param entries entries held now (an estimate that may include expired entries not yet removed)
 * @param savedUsage the tokens the hits did not spend: the sum of the original usage of every answer served
 */
public record ExactCacheMetrics(long hits, long misses, long stores, long evictions, long entries, TokenUsage savedUsage) {

    /** Hits over calls; 0 before the first call. */
    public double hitRate() {
        long calls = hits + misses;
        return calls == 0 ? 0 : (double) hits / calls;
    }
}
