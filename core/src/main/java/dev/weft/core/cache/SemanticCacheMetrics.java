package dev.weft.core.cache;

import dev.weft.core.model.TokenUsage;

/**
 * A snapshot of what a {@link SemanticCache} has done. Every call (and every stream, when it is opened) is
 * counted once, as a hit, a miss, skipped, or a lookup failure; so {@code calls == hits + misses + skipped +
 * lookupFailures}. Only a miss can become a store.
 *
 * @param hits calls answered from the cache
 * @param misses calls looked up without a match close enough (or without one the verifier accepted), then passed
 *     on to the model
 * @param skipped calls the cache could not serve: the last message is not a user turn, or the turn is blank or
 *     embeds to a zero vector
 * @param lookupFailures calls whose lookup failed (the embedding model, the index or the verifier threw); they
 *     are passed on to the model uncached and logged at WARN
 * @param stores answers put in the cache
 * @param storeFailures answers that could not be stored because the index threw; logged at WARN
 * @param evictions entries removed for size or age (counted when the cache removes them); explicit invalidation
 *     is not counted
 * @param entries entries held now (an estimate that may include expired entries not yet removed)
 * @param savedUsage the tokens the hits did not spend: the sum of the original usage of every answer served
 * @param verifierRejections candidate hits (entries at or above the threshold) that the
 *     {@linkplain SemanticCache.Builder#verifier verifier} vetoed; one call may count several, and a call whose
 *     every candidate was vetoed is a miss. Always 0 without a verifier
 */
public record SemanticCacheMetrics(long hits, long misses, long skipped, long lookupFailures, long stores,
        long storeFailures, long evictions, long entries, TokenUsage savedUsage, long verifierRejections) {

    /** A snapshot of a cache without a verifier (no rejections), as before verifiers existed. */
    public SemanticCacheMetrics(long hits, long misses, long skipped, long lookupFailures, long stores,
            long storeFailures, long evictions, long entries, TokenUsage savedUsage) {
        this(hits, misses, skipped, lookupFailures, stores, storeFailures, evictions, entries, savedUsage, 0);
    }

    /** Hits over the calls the cache could look up (hits and misses); 0 before the first. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
