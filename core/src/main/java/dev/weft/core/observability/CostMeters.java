package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.FEATURE;
import static dev.weft.core.observability.GenAiConventions.OPERATION_CHAT;
import static dev.weft.core.observability.GenAiConventions.OPERATION_NAME;
import static dev.weft.core.observability.GenAiConventions.PROVIDER_NAME;
import static dev.weft.core.observability.GenAiConventions.REQUEST_MODEL;
import static dev.weft.core.observability.GenAiConventions.RESPONSE_MODEL;
import static dev.weft.core.observability.GenAiConventions.TENANT_ID;
import static dev.weft.core.observability.MeterConventions.BUDGET_MODE;
import static dev.weft.core.observability.MeterConventions.BUDGET_MODE_HARD;
import static dev.weft.core.observability.MeterConventions.BUDGET_MODE_SOFT;
import static dev.weft.core.observability.MeterConventions.BUDGET_SCOPE;
import static dev.weft.core.observability.MeterConventions.BUDGET_WINDOW;
import static dev.weft.core.observability.MeterConventions.COST_ESTIMATED;
import static dev.weft.core.observability.MeterConventions.METRIC_BUDGET_BREACHES;
import static dev.weft.core.observability.MeterConventions.METRIC_CLIENT_COST;
import static dev.weft.core.observability.MeterConventions.UNIT_BREACHES;

import dev.weft.core.chat.RequestContext;
import dev.weft.core.cost.BudgetBreach;
import dev.weft.core.cost.CostEntry;
import dev.weft.core.cost.CostEvent;
import dev.weft.core.internal.Preconditions;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what calls cost, and the budget breaches, as OpenTelemetry metrics. It is a listener of
 * {@link dev.weft.core.cost.Budgets}: the same {@link CostEvent}s that the ledger records reach it, on the calling
 * thread, so the metrics and the ledger count the same calls.
 *
 * <pre>{@code
 * CostLedger ledger = CostLedger.inMemory();
 * CostMeters meters = CostMeters.builder(openTelemetry).currency(ledger.currency()).build();
 * Budgets budgets = Budgets.builder()
 *     .ledger(ledger)
 *     .hard(CostScope.USER, Window.DAILY, new BigDecimal("5.00"))
 *     .listener(meters.andThen(alerts))          // a Budgets has one listener: chain others after the meters
 *     .build();
 * }</pre>
 *
 * <h2>Metrics</h2>
 * Synchronous counters in Weft's instrumentation scope ({@value Tracing#INSTRUMENTATION_NAME}):
 * <ul>
 *   <li>{@code weft.client.cost} (the currency as a UCUM annotation, such as {@code {USD}}; a double counter): each
 *       recorded call's cost in the ledger's currency — zero for a cache's answer. Attributes:
 *       {@code gen_ai.operation.name} ({@code chat}), {@code gen_ai.provider.name} and {@code gen_ai.response.model}
 *       (the model that answered and was charged; after a fallback it is not the model requested, which the ledger
 *       does not keep), {@code weft.feature} and {@code weft.tenant.id} when the request has them, and
 *       {@code weft.cost.estimated} (true when the usage was estimated: a stream that ended early, a model that
 *       reported none).</li>
 *   <li>{@code weft.budget.breaches} ({breach}, counter): calls whose estimate did not fit in a budget, by
 *       {@code weft.budget.scope} ({@code global}, {@code user}, {@code tenant}, {@code feature}, {@code model}),
 *       {@code weft.budget.window} ({@code per_request}, {@code daily}, {@code total}), {@code weft.budget.mode}
 *       ({@code hard}: refused; {@code soft}: reported and let through) and {@code gen_ai.request.model}.</li>
 * </ul>
 *
 * <p><b>Cardinality</b>: the user id is never an attribute, nor a breach's key (the user or tenant over budget): every
 * user would start a series of their own. Per-user spending is in the {@link dev.weft.core.cost.CostLedger}. The tenant
 * is an attribute by default, because tenants are few and their cost is what a bill is made of; turn it off with
 * {@link Builder#tenantAttribute(boolean) tenantAttribute(false)} where tenants are many. Features and models are
 * bounded by the code.
 *
 * <p>Amounts are exact in the ledger and doubles here (a metric's sum need not be exact to the last cent of a
 * million calls). An entry in another currency than this one's is not recorded, with a warning: a ledger refuses
 * such entries too. The OpenTelemetry API cannot unregister synchronous instruments, so {@link #close()} makes this
 * listener ignore every later event. Thread-safe; closing twice is harmless.
 */
public final class CostMeters implements Consumer<CostEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CostMeters.class);

    private final DoubleCounter cost;
    private final LongCounter breaches;
    private final String currency;
    private final String providerName;
    private final boolean tenantAttribute;
    private final AtomicBoolean warnedCurrency = new AtomicBoolean();
    private volatile boolean closed;

    private CostMeters(Builder b) {
        Meter meter = MeterConventions.meter(b.openTelemetry);
        this.cost = meter.counterBuilder(METRIC_CLIENT_COST)
                .ofDoubles()
                .setUnit(MeterConventions.currencyUnit(b.currency))
                .setDescription("What model calls cost, in " + b.currency + ", as the cost ledger records it.")
                .build();
        this.breaches = meter.counterBuilder(METRIC_BUDGET_BREACHES)
                .setUnit(UNIT_BREACHES)
                .setDescription("Calls whose estimated cost did not fit in what a budget had left.")
                .build();
        this.currency = b.currency;
        this.providerName = b.providerName;
        this.tenantAttribute = b.tenantAttribute;
    }

    /** A builder publishing into {@code openTelemetry}'s meter provider. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** Records {@code event}: a call's cost, or a budget breach. Ignored once closed. */
    @Override
    public void accept(CostEvent event) {
        if (closed) {
            return;
        }
        switch (Preconditions.notNull(event, "event")) {
            case CostEntry entry -> record(entry);
            case BudgetBreach breach -> record(breach);
        }
    }

    /** The currency of {@code weft.client.cost}. */
    public String currency() {
        return currency;
    }

    /** Stops recording: later events are ignored. */
    @Override
    public void close() {
        closed = true;
    }

    private void record(CostEntry entry) {
        if (entry.cost().signum() != 0 && !entry.currency().equals(currency)) {
            if (warnedCurrency.compareAndSet(false, true)) {
                LOG.warn("A call cost {} {} but these meters count {}; costs in {} are not recorded. Build the CostMeters "
                        + "with the ledger's currency.", entry.cost(), entry.currency(), currency, entry.currency());
            }
            return;
        }
        AttributesBuilder a = Attributes.builder()
                .put(OPERATION_NAME, OPERATION_CHAT)
                .put(PROVIDER_NAME, providerName != null ? providerName : entry.model().provider())
                .put(RESPONSE_MODEL, entry.model().id());
        who(entry.context(), a);
        a.put(COST_ESTIMATED, entry.estimated());
        cost.add(entry.cost().doubleValue(), a.build());
    }

    private void record(BudgetBreach breach) {
        AttributesBuilder a = Attributes.builder()
                .put(BUDGET_SCOPE, breach.budget().scope().name().toLowerCase(Locale.ROOT))
                .put(BUDGET_WINDOW, breach.budget().window().name().toLowerCase(Locale.ROOT))
                .put(BUDGET_MODE, breach.refused() ? BUDGET_MODE_HARD : BUDGET_MODE_SOFT);
        if (breach.modelId() != null) {
            a.put(REQUEST_MODEL, breach.modelId());
        }
        breaches.add(1, a.build());
    }

    private void who(RequestContext context, AttributesBuilder into) {
        if (context.feature() != null) {
            into.put(FEATURE, context.feature());
        }
        if (tenantAttribute && context.tenantId() != null) {
            into.put(TENANT_ID, context.tenantId());
        }
    }

    /** Configures {@link CostMeters}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private String currency = "USD";
        private String providerName;
        private boolean tenantAttribute = true;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
        }

        /**
         * The currency of the amounts, an ISO 4217 code such as {@code EUR}; it must be the ledger's ({@link dev.weft.core.cost.CostLedger#currency()});
         * default {@code USD}, a ledger's default.
         */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /**
         * The {@code gen_ai.provider.name} to report, as {@link Tracing.Builder#providerName} does; default null, meaning
         * each model's {@link dev.weft.core.model.ModelInfo#provider()}.
         */
        public Builder providerName(String providerName) {
            this.providerName = providerName;
            return this;
        }

        /** Whether costs carry {@code weft.tenant.id}; default true. Turn off where tenants are many. */
        public Builder tenantAttribute(boolean tenantAttribute) {
            this.tenantAttribute = tenantAttribute;
            return this;
        }

        /**
         * The meters.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public CostMeters build() {
            Preconditions.notNull(openTelemetry, "openTelemetry");
            Preconditions.notBlank(currency, "currency");
            Preconditions.check(providerName == null || !providerName.isBlank(),
                    "providerName must not be blank; leave it null to report each model's provider");
            return new CostMeters(this);
        }
    }
}
