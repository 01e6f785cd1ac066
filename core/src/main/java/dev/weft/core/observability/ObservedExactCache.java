package dev.weft.core.observability;

import static dev.weft.core.observability.MeterConventions.CACHE_TYPE_EXACT;
import static dev.weft.core.observability.MeterConventions.RESULT_COALESCED;
import static dev.weft.core.observability.MeterConventions.RESULT_HIT;
import static dev.weft.core.observability.MeterConventions.RESULT_MISS;

import dev.weft.core.cache.ExactCacheMetrics;
import io.opentelemetry.api.common.Attributes;
import java.util.function.Supplier;

/**
 * An {@link dev.weft.core.cache.ExactCache} under observation. Its calls are reported as a partition, so that they sum
 * to all calls: {@code hit} (from a stored entry: {@code hits - coalesced}), {@code coalesced}, {@code miss}.
 */
record ObservedExactCache(String name, Supplier<ExactCacheMetrics> metrics, Attributes cache, Attributes hit,
        Attributes coalesced, Attributes miss, Attributes inputTokens, Attributes outputTokens) implements ObservedCache {

    static ObservedExactCache of(String name, Supplier<ExactCacheMetrics> metrics) {
        Attributes cache = ObservedCache.of(CACHE_TYPE_EXACT, name);
        return new ObservedExactCache(name, metrics, cache, ObservedCache.result(cache, RESULT_HIT),
                ObservedCache.result(cache, RESULT_COALESCED), ObservedCache.result(cache, RESULT_MISS),
                ObservedCache.tokens(cache, true), ObservedCache.tokens(cache, false));
    }

    @Override
    public String type() {
        return CACHE_TYPE_EXACT;
    }

    @Override
    public void observe(CacheInstruments into) {
        ExactCacheMetrics m = metrics.get();
        into.requests().record(m.hits() - m.coalesced(), hit);
        into.requests().record(m.coalesced(), coalesced);
        into.requests().record(m.misses(), miss);
        into.stores().record(m.stores(), cache);
        into.evictions().record(m.evictions(), cache);
        into.entries().record(m.entries(), cache);
        ObservedCache.recordSaved(into, m.savedUsage(), inputTokens, outputTokens);
    }
}
