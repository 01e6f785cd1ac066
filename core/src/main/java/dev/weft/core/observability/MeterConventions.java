package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;

/**
 * The names {@link CacheMeters} and {@link CostMeters} publish under: Weft's own metrics, in the style of the GenAI
 * semantic conventions ({@code weft.*} namespace, UCUM units with {@code {annotation}} for counts of things), next to
 * the conventions' own attributes where one fits ({@code gen_ai.*}, see {@link GenAiConventions}).
 */
final class MeterConventions {
    private MeterConventions() {}

    // Caches.
    static final String METRIC_CACHE_REQUESTS = "weft.cache.requests";
    static final String METRIC_CACHE_STORES = "weft.cache.stores";
    static final String METRIC_CACHE_STORE_FAILURES = "weft.cache.store_failures";
    static final String METRIC_CACHE_EVICTIONS = "weft.cache.evictions";
    static final String METRIC_CACHE_ENTRIES = "weft.cache.entries";
    static final String METRIC_CACHE_SAVED_TOKENS = "weft.cache.saved_tokens";
    static final String METRIC_CACHE_VERIFIER_REJECTIONS = "weft.cache.verifier_rejections";
    static final AttributeKey<String> CACHE_TYPE = stringKey("weft.cache.type");
    static final AttributeKey<String> CACHE_NAME = stringKey("weft.cache.name");
    static final AttributeKey<String> CACHE_RESULT = stringKey("weft.cache.result");
    static final String CACHE_TYPE_EXACT = "exact";
    static final String CACHE_TYPE_SEMANTIC = "semantic";
    static final String RESULT_HIT = "hit";
    static final String RESULT_COALESCED = "coalesced";
    static final String RESULT_MISS = "miss";
    static final String RESULT_SKIPPED = "skipped";
    static final String RESULT_LOOKUP_FAILURE = "lookup_failure";
    static final String UNIT_REQUESTS = "{request}";
    static final String UNIT_ENTRIES = "{entry}";
    static final String UNIT_CANDIDATES = "{candidate}";

    // Cost and budgets.
    static final String METRIC_CLIENT_COST = "weft.client.cost";
    static final String METRIC_BUDGET_BREACHES = "weft.budget.breaches";
    static final AttributeKey<Boolean> COST_ESTIMATED = booleanKey("weft.cost.estimated");
    static final AttributeKey<String> BUDGET_SCOPE = stringKey("weft.budget.scope");
    static final AttributeKey<String> BUDGET_WINDOW = stringKey("weft.budget.window");
    static final AttributeKey<String> BUDGET_MODE = stringKey("weft.budget.mode");
    static final String BUDGET_MODE_HARD = "hard";
    static final String BUDGET_MODE_SOFT = "soft";
    static final String UNIT_BREACHES = "{breach}";

    /** The unit of an amount of money in {@code currency}: its ISO 4217 code as a UCUM annotation, such as {@code {USD}}. */
    static String currencyUnit(String currency) {
        return "{" + currency + "}";
    }

    /** Weft's meter in {@code openTelemetry}: the instrumentation scope {@link Tracing} uses, with Weft's version. */
    static Meter meter(OpenTelemetry openTelemetry) {
        MeterBuilder meter = openTelemetry.meterBuilder(Tracing.INSTRUMENTATION_NAME);
        String version = Tracing.class.getPackage().getImplementationVersion();
        if (version != null) {
            meter.setInstrumentationVersion(version);
        }
        return meter.build();
    }
}
