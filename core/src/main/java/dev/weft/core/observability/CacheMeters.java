package dev.weft.core.observability;

import dev.weft.core.cache.ExactCache;
import dev.weft.core.cache.ExactCacheMetrics;
import dev.weft.core.cache.SemanticCache;
import dev.weft.core.cache.SemanticCacheMetrics;
import dev.weft.core.internal.Preconditions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the figures of response caches ({@link ExactCache#metrics()}, {@link SemanticCache#metrics()}) as
 * OpenTelemetry metrics, read from the caches when the SDK collects, so that calls pay nothing for them.
 *
 * <pre>{@code
 * try (CacheMeters meters = CacheMeters.builder(openTelemetry)
 *         .exact("answers", exactCache)
 *         .semantic("paraphrases", semanticCache)
 *         .register()) {
 *     … // the application runs; close() on shutdown, or when the caches go away
 * }
 * }</pre>
 *
 * <h2>Metrics</h2>
 * Asynchronous instruments in Weft's instrumentation scope ({@value Tracing#INSTRUMENTATION_NAME}); every point carries
 * {@code weft.cache.type} ({@code exact} or {@code semantic}) and {@code weft.cache.name} (the name given here):
 * <ul>
 *   <li>{@code weft.cache.requests} ({request}, counter), by {@code weft.cache.result}: a partition of the calls, so that
 *       the hit rate is {@code (hit + coalesced) / all} — {@code hit} (answered from an entry), {@code coalesced} (exact:
 *       answered by waiting for an identical call already at the model), {@code miss} (passed on to the model),
 *       {@code skipped} and {@code lookup_failure} (semantic: not looked up, or the lookup failed);</li>
 *   <li>{@code weft.cache.stores}, {@code weft.cache.store_failures} (semantic only) and {@code weft.cache.evictions}
 *       ({entry}, counters);</li>
 *   <li>{@code weft.cache.entries} ({entry}, up-down counter): entries held now;</li>
 *   <li>{@code weft.cache.saved_tokens} ({token}, counter), by {@code gen_ai.token.type} ({@code input}, {@code output}):
 *       what the answered calls did not spend;</li>
 *   <li>{@code weft.cache.verifier_rejections} ({candidate}, counter; semantic only): candidate hits the cache's
 *       {@link dev.weft.core.cache.HitVerifier} vetoed.</li>
 * </ul>
 *
 * <p>Each cache's {@code metrics()} is read once per collection, so its figures are reported from one snapshot.
 * {@link #close()} removes the callback: the caches are no longer read (nor kept reachable) and their series stop.
 * Thread-safe; closing twice is harmless.
 */
public final class CacheMeters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CacheMeters.class);

    private final List<ObservedCache> caches;
    private final BatchCallback callback;

    private CacheMeters(Builder b) {
        this.caches = List.copyOf(b.caches);
        Meter meter = MeterConventions.meter(b.openTelemetry);
        CacheInstruments instruments = CacheInstruments.of(meter);
        ObservableMeasurement[] all = instruments.all();
        this.callback = meter.batchCallback(() -> observe(instruments), all[0], Arrays.copyOfRange(all, 1, all.length));
    }

    /** A builder that registers caches in {@code openTelemetry}'s meter provider. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** The names of the caches observed, as {@code type/name} ({@code exact/answers}), in the order they were added. */
    public List<String> observed() {
        return caches.stream().map(c -> c.type() + "/" + c.name()).toList();
    }

    /** Stops reading the caches and removes their series from later collections. */
    @Override
    public void close() {
        callback.close();
    }

    private void observe(CacheInstruments instruments) {
        for (ObservedCache cache : caches) {
            try {
                cache.observe(instruments);
            } catch (RuntimeException e) { // one broken cache must not hide the others' figures
                LOG.warn("Reading the metrics of {} cache '{}' failed; its figures are left out of this collection",
                        cache.type(), cache.name(), e);
            }
        }
    }

    /**
     * Collects the caches to observe. Each name is checked as it is added (it must not be blank, nor repeat one of the
     * same type, which would merge their series); {@link #register()} checks the rest. Not thread-safe.
     */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private final List<ObservedCache> caches = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
        }

        /**
         * Observes {@code cache} as {@code weft.cache.type=exact}, {@code weft.cache.name=name}.
         *
         * @throws dev.weft.core.InvalidInputException if {@code name} is blank or names another exact cache
         */
        public Builder exact(String name, ExactCache cache) {
            Preconditions.notNull(cache, "cache");
            return exact(name, cache::metrics);
        }

        /**
         * Observes {@code cache} as {@code weft.cache.type=semantic}, {@code weft.cache.name=name}.
         *
         * @throws dev.weft.core.InvalidInputException if {@code name} is blank or names another semantic cache
         */
        public Builder semantic(String name, SemanticCache cache) {
            Preconditions.notNull(cache, "cache");
            return semantic(name, cache::metrics);
        }

        /** Observes figures from {@code metrics} as an exact cache; for tests that need figures no run produces. */
        Builder exact(String name, Supplier<ExactCacheMetrics> metrics) {
            caches.add(ObservedExactCache.of(checkName(MeterConventions.CACHE_TYPE_EXACT, name), metrics));
            return this;
        }

        /** Observes figures from {@code metrics} as a semantic cache. */
        Builder semantic(String name, Supplier<SemanticCacheMetrics> metrics) {
            caches.add(ObservedSemanticCache.of(checkName(MeterConventions.CACHE_TYPE_SEMANTIC, name), metrics));
            return this;
        }

        private String checkName(String type, String name) {
            Preconditions.check(name != null && !name.isBlank(),
                    "a " + type + " cache's name must not be blank, was '" + name + "'; it becomes the weft.cache.name attribute");
            Preconditions.check(names.add(type + "/" + name),
                    "two " + type + " caches are named '" + name + "'; give each its own name, or their series merge");
            return name;
        }

        /**
         * Registers the callback that publishes the caches' figures.
         *
         * @throws dev.weft.core.InvalidInputException if {@code openTelemetry} is null or no cache was added
         */
        public CacheMeters register() {
            Preconditions.notNull(openTelemetry, "openTelemetry");
            Preconditions.check(!caches.isEmpty(), "no cache to observe; add one with exact(name, cache) or semantic(name, cache)");
            return new CacheMeters(this);
        }
    }
}
