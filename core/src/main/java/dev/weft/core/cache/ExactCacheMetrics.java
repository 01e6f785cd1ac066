package dev.weft.core.cache;

import dev.weft.core.model.TokenUsage;

/**
 * A snapshot of what an {@link ExactCache} has done. Every call (and every stream, when it is opened) is either
 * a hit or a miss; a miss becomes a store when its answer is cacheable and, for a stream, when the stream ends
 * normally. Coalesced calls are hits of a kind: {@code coalesced <= hits}, and {@code hits - coalesced} are the
 * calls answered from a stored entry.
 *
 * @param hits calls answered without calling the model: from a stored entry, or by waiting for an identical call
 *     in flight ({@code coalesced})
 * @param misses calls the cache did not answer: passed on to the model, or interrupted while waiting for an
 *     identical call in flight
 * @param stores answers put in the cache
 * @param evictions entries removed for size or age (counted when the cache removes them, which for expired
 *     entries may be a little after they expire); explicit invalidation is not counted
 * @param entries entries held now (an estimate that may include expired entries not yet removed)
 * @param savedUsage the tokens the hits did not spend: the sum of the original usage of every answer served
 * @param coalesced the hits served by waiting for an identical {@code chat} call that was already at the model,
 *     instead of calling it again (see {@link ExactCache.Builder#coalesce})
 */
public record ExactCacheMetrics(long hits, long misses, long stores, long evictions, long entries, TokenUsage savedUsage,
        long coalesced) {

    /** A snapshot of a cache that coalesced nothing, as before coalescing existed. */
    public ExactCacheMetrics(long hits, long misses, long stores, long evictions, long entries, TokenUsage savedUsage) {
        this(hits, misses, stores, evictions, entries, savedUsage, 0);
    }

    /** Hits over calls; 0 before the first call. */
    public double hitRate() {
        long calls = hits + misses;
        return calls == 0 ? 0 : (double) hits / calls;
    }
}
