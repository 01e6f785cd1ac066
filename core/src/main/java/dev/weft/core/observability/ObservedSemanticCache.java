package dev.weft.core.observability;

import static dev.weft.core.observability.MeterConventions.CACHE_TYPE_SEMANTIC;
import static dev.weft.core.observability.MeterConventions.RESULT_HIT;
import static dev.weft.core.observability.MeterConventions.RESULT_LOOKUP_FAILURE;
import static dev.weft.core.observability.MeterConventions.RESULT_MISS;
import static dev.weft.core.observability.MeterConventions.RESULT_SKIPPED;

import dev.weft.core.cache.SemanticCacheMetrics;
import io.opentelemetry.api.common.Attributes;
import java.util.function.Supplier;

/**
 * A {@link dev.weft.core.cache.SemanticCache} under observation. Its calls are reported as the partition its metrics
 * define: {@code hit}, {@code miss}, {@code skipped}, {@code lookup_failure}.
 */
record ObservedSemanticCache(String name, Supplier<SemanticCacheMetrics> metrics, Attributes cache, Attributes hit,
        Attributes miss, Attributes skipped, Attributes lookupFailure, Attributes inputTokens, Attributes outputTokens)
        implements ObservedCache {

    static ObservedSemanticCache of(String name, Supplier<SemanticCacheMetrics> metrics) {
        Attributes cache = ObservedCache.of(CACHE_TYPE_SEMANTIC, name);
        return new ObservedSemanticCache(name, metrics, cache, ObservedCache.result(cache, RESULT_HIT),
                ObservedCache.result(cache, RESULT_MISS), ObservedCache.result(cache, RESULT_SKIPPED),
                ObservedCache.result(cache, RESULT_LOOKUP_FAILURE), ObservedCache.tokens(cache, true),
                ObservedCache.tokens(cache, false));
    }

    @Override
    public String type() {
        return CACHE_TYPE_SEMANTIC;
    }

    @Override
    public void observe(CacheInstruments into) {
        SemanticCacheMetrics m = metrics.get();
        into.requests().record(m.hits(), hit);
        into.requests().record(m.misses(), miss);
        into.requests().record(m.skipped(), skipped);
        into.requests().record(m.lookupFailures(), lookupFailure);
        into.stores().record(m.stores(), cache);
        into.storeFailures().record(m.storeFailures(), cache);
        into.evictions().record(m.evictions(), cache);
        into.entries().record(m.entries(), cache);
        into.verifierRejections().record(m.verifierRejections(), cache);
        ObservedCache.recordSaved(into, m.savedUsage(), inputTokens, outputTokens);
    }
}
