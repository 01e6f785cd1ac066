package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.UNIT_TOKENS;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_ENTRIES;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_EVICTIONS;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_REQUESTS;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_SAVED_TOKENS;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_STORES;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_STORE_FAILURES;
import static dev.weft.core.observability.MeterConventions.METRIC_CACHE_VERIFIER_REJECTIONS;
import static dev.weft.core.observability.MeterConventions.UNIT_CANDIDATES;
import static dev.weft.core.observability.MeterConventions.UNIT_ENTRIES;
import static dev.weft.core.observability.MeterConventions.UNIT_REQUESTS;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableMeasurement;

/**
 * The asynchronous instruments {@link CacheMeters} reports every cache's figures into, once per collection.
 *
 * @param requests calls, by {@code weft.cache.result}
 * @param stores answers stored
 * @param storeFailures answers that could not be stored
 * @param evictions entries removed for size or age
 * @param entries entries held now (an up-down counter: it goes down as entries leave)
 * @param savedTokens tokens the hits did not spend, by {@code gen_ai.token.type}
 * @param verifierRejections candidate hits a semantic cache's hit verifier vetoed
 */
record CacheInstruments(ObservableLongMeasurement requests, ObservableLongMeasurement stores,
        ObservableLongMeasurement storeFailures, ObservableLongMeasurement evictions, ObservableLongMeasurement entries,
        ObservableLongMeasurement savedTokens, ObservableLongMeasurement verifierRejections) {

    static CacheInstruments of(Meter meter) {
        return new CacheInstruments(
                counter(meter, METRIC_CACHE_REQUESTS, UNIT_REQUESTS,
                        "Calls a response cache handled, by result: answered from an entry (hit), by waiting for an identical "
                                + "call in flight (coalesced), passed on to the model (miss), not looked up (skipped), or "
                                + "passed on because the lookup failed (lookup_failure)."),
                counter(meter, METRIC_CACHE_STORES, UNIT_ENTRIES, "Answers a response cache stored."),
                counter(meter, METRIC_CACHE_STORE_FAILURES, UNIT_ENTRIES, "Answers a response cache failed to store."),
                counter(meter, METRIC_CACHE_EVICTIONS, UNIT_ENTRIES, "Entries a response cache removed for size or age."),
                meter.upDownCounterBuilder(METRIC_CACHE_ENTRIES).setUnit(UNIT_ENTRIES)
                        .setDescription("Entries a response cache holds (an estimate).").buildObserver(),
                counter(meter, METRIC_CACHE_SAVED_TOKENS, UNIT_TOKENS,
                        "Tokens the calls that a response cache answered did not spend, by token type."),
                counter(meter, METRIC_CACHE_VERIFIER_REJECTIONS, UNIT_CANDIDATES,
                        "Candidate hits a semantic cache's hit verifier vetoed (a call can have several)."));
    }

    private static ObservableLongMeasurement counter(Meter meter, String name, String unit, String description) {
        return meter.counterBuilder(name).setUnit(unit).setDescription(description).buildObserver();
    }

    /** Every instrument, for the batch callback that observes them together. */
    ObservableMeasurement[] all() {
        return new ObservableMeasurement[] {requests, stores, storeFailures, evictions, entries, savedTokens, verifierRejections};
    }
}
