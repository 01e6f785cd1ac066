package dev.weft.core.cost;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cost governance in the request path: records what every call costs in a {@link CostLedger}, and enforces
 * {@link Budget}s before the model is called.
 *
 * <pre>{@code
 * Budgets budgets = Budgets.builder()
 *     .ledger(ledger)
 *     .priceTable(PriceTable.loadResource("prices.json"))
 *     .hard(CostScope.USER, Window.DAILY, new BigDecimal("5.00"))
 *     .hard(CostScope.GLOBAL, Window.TOTAL, new BigDecimal("1000"))
 *     .soft(CostScope.TENANT, Window.DAILY, new BigDecimal("200"))
 *     .listener(event -> { if (event instanceof BudgetBreach b) alerts.send(b); })
 *     .build();
 * ChatModel model = ChatPipeline.over(remote).with(budgets).build();
 *
 * ChatModel simple = ChatPipeline.over(remote).with(Budgets.perUser(new BigDecimal("5.00"))).build();
 * }</pre>
 *
 * <p><b>Limits per key.</b> A budget's limit may differ per key ({@link BudgetLimits}): each user's plan, each tenant's
 * contract, a noisy tenant capped lower. Every key is still counted on its own line, against its own limit:
 *
 * <pre>{@code
 * enum Plan { FREE, PRO, ENTERPRISE }
 * Map<Plan, BigDecimal> daily = Map.of(Plan.FREE, new BigDecimal("0.50"), Plan.PRO, new BigDecimal("5.00"),
 *     Plan.ENTERPRISE, new BigDecimal("100.00"));
 *
 * Budgets budgets = Budgets.builder()
 *     .ledger(ledger)
 *     // each user's daily limit is their plan's (planOf gives an Optional<Plan>); a user with no plan gets the default
 *     .hard(CostScope.USER, Window.DAILY, BudgetLimits.by(daily.get(Plan.FREE), userId -> accounts.planOf(userId).map(daily::get).orElse(null)))
 *     // tenants: 50 a day each, but the enterprise tenant has 2000 and a trial tenant 5
 *     .hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(new BigDecimal("50"))
 *         .with("tenant-acme", new BigDecimal("2000"))
 *         .with("tenant-trial-17", new BigDecimal("5")))
 *     .build();
 * }</pre>
 *
 * A key's limit is taken when a call is checked ({@link Budget#limitOf}), so a lookup that reads a live plan table
 * applies an upgrade to the next call; what has been spent stays spent. A key whose limit is zero has every priced call
 * refused. A lookup that throws or returns a negative amount fails the call with {@link BudgetLimitException} before
 * the model is called, holding nothing. {@link BudgetBreach#limit()} and {@link BudgetExceededException#limit()}
 * report the limit that applied to the call's key.
 *
 * <p><b>Before the call</b> the call's usage is estimated: input tokens with the configured {@link TokenCounter}
 * (default {@link TokenCounter#APPROXIMATE}, four characters a token rounded up) over every message's text, plus 4 per
 * message for its role and separators, plus each tool's name, description and parameter schema and a JSON-schema
 * response format's schema; output tokens are the request's {@code maxTokens}, or {@code defaultOutputTokens} (1024)
 * when it sets none. The estimate is priced with the {@link PriceTable} at the price of the model the pipeline wraps.
 * Each hard budget that applies to the call (its scope has a key in the request) then reserves the estimate
 * atomically against its limit, all or nothing: if {@code spent + reserved + estimate > limit} for any of them, the
 * reservations already made are given back, a {@link BudgetBreach} is reported and the call fails with
 * {@link BudgetExceededException} without reaching the model. Soft budgets are checked the same way and only report.
 * A call estimated at zero (a free model) is never refused.
 *
 * <p><b>After the call</b> the actual cost, the usage the response reports at the price of the model that answered,
 * is recorded in the ledger and the reservations are given back in the same atomic step, so concurrent calls cannot
 * all pass on the same headroom. A response that reports no usage for a non-empty answer is charged an estimate (the
 * input estimate and the answer's counted tokens) — unless a cache served it ({@link ChatResponse#fromCache()}), which
 * costs nothing. A failed call gives its reservations back and records nothing (a
 * failure carries no usage). A stream reserves when {@link #interceptStream} is called and settles when it ends: its
 * final response's usage when it completes; when it fails or is closed after delivering something, the input estimate
 * and the tokens of the deltas delivered (providers bill for what they generated); nothing if it delivered nothing.
 * A stream that is never read nor closed keeps its reservation, so close streams (try-with-resources).
 *
 * <p>Because a call's actual cost may exceed its estimate, a key's budget can end above its key's limit, by at most
 * the excess of the key's calls in flight when its last call was admitted; its next call is then refused. An estimate that is an upper
 * bound (a {@code maxTokens} on every request, a conservative counter) keeps every budget within its limit.
 *
 * <p>No lock is held across the model call: reservations and records are compare-and-set updates of the ledger's
 * lines. The listener is called on the calling thread (for streams, the reading or closing thread); its exceptions are
 * logged and ignored. Thread-safe: one instance may serve any number of pipelines, which then share its budgets.
 */
public final class Budgets implements ChatInterceptor, StreamInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(Budgets.class);

    private final CostLedger ledger;
    private final PriceTable priceTable;
    private final UsageEstimator estimator;
    private final Budget[] hard;
    private final Budget[] soft;
    private final List<Budget> budgets;
    private final Consumer<? super CostEvent> listener;

    private Budgets(Builder b) {
        this.ledger = b.ledger != null ? b.ledger : CostLedger.inMemory();
        this.priceTable = b.priceTable;
        this.estimator = new UsageEstimator(b.tokenCounter, b.defaultOutputTokens);
        this.budgets = List.copyOf(b.budgets);
        this.hard = budgets.stream().filter(Budget::hard).toArray(Budget[]::new);
        this.soft = budgets.stream().filter(x -> !x.hard()).toArray(Budget[]::new);
        this.listener = b.listener;
    }

    /** Budgets with a hard daily limit per user, in US dollars, on a ledger of their own and the models' own prices. */
    public static Budgets perUser(BigDecimal dailyLimit) {
        return builder().hard(CostScope.USER, Window.DAILY, dailyLimit).build();
    }

    /** A builder with no budgets: built as it is, it only records costs. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        Charge charge = open(request, chain.model());
        ChatResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            charge.abandon();
            throw e;
        }
        charge.complete(response, estimator);
        return response;
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        Charge charge = open(request, chain.model());
        ChatStream stream;
        try {
            stream = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            charge.abandon();
            throw e;
        }
        return ChatStream.observe(stream, new ChargedStream(charge, estimator));
    }

    /** The usage this interceptor estimates for {@code request} before calling the model (see the class description). */
    public TokenUsage estimateUsage(ChatRequest request) {
        return estimator.estimate(Preconditions.notNull(request, "request"));
    }

    /** The ledger that records every call. */
    public CostLedger ledger() {
        return ledger;
    }

    /** The prices. */
    public PriceTable priceTable() {
        return priceTable;
    }

    /** The budgets, hard and soft, in the order they were added. */
    public List<Budget> budgets() {
        return budgets;
    }

    /** Estimates and prices the call, checks soft budgets and reserves against hard ones. */
    private Charge open(ChatRequest request, ModelInfo model) {
        Instant at = ledger.now();
        long day = ledger.epochDay(at);
        RequestContext context = request.context();
        Pricing pricing = priceTable.pricing(model);
        if (!inLedgerCurrency(pricing)) {
            throw new InvalidInputException("Model '" + model.id() + "' is priced in " + pricing.currency() + " but the ledger counts "
                    + ledger.currency() + "; give it a price in " + ledger.currency() + " in the PriceTable");
        }
        TokenUsage usage = estimator.estimate(request);
        BigDecimal estimate = pricing.cost(usage);
        if (estimate.signum() == 0) {
            return new Charge(this, context, model, pricing, at, day, usage, Held.NONE); // cannot spend: no budget applies
        }
        Held held = hard.length == 0 ? Held.NONE : new Held(hard.length, estimate);
        try {
            for (Budget b : hard) {
                String key = b.scope().keyOf(context, model.id());
                if (key != null) {
                    reserve(b, key, b.limitOf(key), day, held, context, model);
                }
            }
            for (Budget b : soft) {
                String key = b.scope().keyOf(context, model.id());
                if (key != null) {
                    checkSoft(b, key, b.limitOf(key), day, estimate, held, context, model);
                }
            }
        } catch (RuntimeException | Error e) {
            held.releaseRemaining(); // a refusal has already done so; anything else (a failed limit lookup) must not leak one
            throw e;
        }
        return new Charge(this, context, model, pricing, at, day, usage, held);
    }

    private void reserve(Budget b, String key, BigDecimal limit, long day, Held held, RequestContext context, ModelInfo model) {
        BigDecimal estimate = held.amount();
        if (b.window() == Window.PER_REQUEST) {
            if (estimate.compareTo(limit) > 0) {
                held.releaseRemaining();
                throw refuse(b, key, limit, BigDecimal.ZERO, BigDecimal.ZERO, estimate, context, model);
            }
            return;
        }
        Tally t = ledger.tally(b.scope(), key, b.window(), day);
        Tally.Balance full = t.tryReserve(estimate, limit);
        if (full != null) {
            held.releaseRemaining();
            throw refuse(b, key, limit, full.spent(), full.reserved(), estimate, context, model);
        }
        held.add(t);
    }

    private void checkSoft(Budget b, String key, BigDecimal limit, long day, BigDecimal estimate, Held held,
            RequestContext context, ModelInfo model) {
        if (b.window() == Window.PER_REQUEST) {
            if (estimate.compareTo(limit) > 0) {
                emit(new BudgetBreach(b, key, limit, BigDecimal.ZERO, BigDecimal.ZERO, estimate, ledger.currency(), context,
                        model.id()));
            }
            return;
        }
        Tally t = ledger.tally(b.scope(), key, b.window(), day);
        Tally.Balance now = t.balance();
        // A hard budget on the same line already holds this call's estimate there: count it once, and report the
        // reservations of the other calls.
        BigDecimal othersReserved = held.holds(t) ? now.reserved().subtract(estimate) : now.reserved();
        if (now.spent().add(othersReserved).add(estimate).compareTo(limit) > 0) {
            emit(new BudgetBreach(b, key, limit, now.spent(), othersReserved, estimate, ledger.currency(), context, model.id()));
        }
    }

    private BudgetExceededException refuse(Budget b, String key, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
            BigDecimal estimate, RequestContext context, ModelInfo model) {
        emit(new BudgetBreach(b, key, limit, spent, reserved, estimate, ledger.currency(), context, model.id()));
        BigDecimal left = limit.subtract(spent).subtract(reserved);
        String hint = switch (b.window()) {
            case PER_REQUEST -> "Lower the request's maxTokens or shorten its prompt, or raise the limit.";
            case DAILY -> "Wait for the next day (" + ledger.zone() + "), lower the request's maxTokens, or raise the limit.";
            case TOTAL -> "Raise the limit, or lower the request's maxTokens.";
        };
        String c = ledger.currency();
        String message = "The " + b.describe() + " for '" + key + "' refused a call to " + model.id() + ": it is estimated at "
                + money(estimate, c) + (b.window() == Window.PER_REQUEST
                        ? ", more than the limit of " + money(limit, c) + ". "
                        : " but only " + money(left.max(BigDecimal.ZERO), c) + " of " + money(limit, c) + " is left ("
                                + money(spent, c) + " spent, " + money(reserved, c) + " reserved by calls in flight). ")
                + hint;
        return new BudgetExceededException(message, b.describe(), key, limit, spent, reserved, estimate, c);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;
    }

    boolean inLedgerCurrency(Pricing pricing) {
        return pricing.currency().equals(ledger.currency())
                || (pricing.inputPerMillion().signum() == 0 && pricing.outputPerMillion().signum() == 0);
    }

    /**
     * The price of the model that answered. When it cannot be priced in the ledger's currency (a fallback model the
     * table does not know, under a strict table or in another currency), the call is charged at the price of the
     * model it was made for, with a warning: the answer has been paid for and must not be lost to accounting.
     */
    Pricing pricingOfAnswer(ModelInfo answered, ModelInfo requested, Pricing requestedPricing) {
        if (answered == requested || (answered.id().equals(requested.id()) && answered.provider().equals(requested.provider()))) {
            return requestedPricing;
        }
        try {
            Pricing p = priceTable.pricing(answered);
            if (inLedgerCurrency(p)) {
                return p;
            }
            LOG.warn("Model '{}' answered a call made for '{}' but is priced in {}, not the ledger's {}; charging the call at the"
                    + " price of '{}'. Give '{}' a price in {} in the PriceTable.", answered.id(), requested.id(), p.currency(),
                    ledger.currency(), requested.id(), answered.id(), ledger.currency());
        } catch (InvalidInputException e) {
            LOG.warn("Model '{}' answered a call made for '{}' but has no price ({}); charging the call at the price of '{}'.",
                    answered.id(), requested.id(), e.getMessage(), requested.id());
        }
        return requestedPricing;
    }

    void settle(CostEntry entry, long day, Held held) {
        ledger.settle(entry, day, held);
        emit(entry);
    }

    void emit(CostEvent event) {
        if (listener == null) {
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("A cost listener failed on {}; the call goes on", event.getClass().getSimpleName(), e);
        }
    }

    /** Builds {@link Budgets}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private CostLedger ledger;
        private PriceTable priceTable = PriceTable.modelPricing();
        private TokenCounter tokenCounter = TokenCounter.APPROXIMATE;
        private int defaultOutputTokens = 1024;
        private final List<Budget> budgets = new ArrayList<>();
        private Consumer<? super CostEvent> listener;

        private Builder() {}

        /** Where costs are recorded and budgets counted; default a new {@link CostLedger#inMemory()}. */
        public Builder ledger(CostLedger ledger) {
            this.ledger = ledger;
            return this;
        }

        /** The prices; default {@link PriceTable#modelPricing()}, each model's own. */
        public Builder priceTable(PriceTable priceTable) {
            this.priceTable = priceTable;
            return this;
        }

        /** Counts the input tokens of estimates; default {@link TokenCounter#APPROXIMATE}. Prefer the model's own. */
        public Builder tokenCounter(TokenCounter tokenCounter) {
            this.tokenCounter = tokenCounter;
            return this;
        }

        /** The output tokens estimated for a request without {@code maxTokens}, >= 1; default 1024. */
        public Builder defaultOutputTokens(int defaultOutputTokens) {
            this.defaultOutputTokens = defaultOutputTokens;
            return this;
        }

        /** Adds a hard budget: calls whose estimate does not fit are refused. */
        public Builder hard(CostScope scope, Window window, BigDecimal limit) {
            return budget(Budget.hard(scope, window, limit));
        }

        /** Adds a hard budget with a limit per key: calls whose estimate does not fit in their key's limit are refused. */
        public Builder hard(CostScope scope, Window window, BudgetLimits limits) {
            return budget(Budget.hard(scope, window, limits));
        }

        /** Adds a soft budget: calls whose estimate does not fit are reported to the listener and go ahead. */
        public Builder soft(CostScope scope, Window window, BigDecimal limit) {
            return budget(Budget.soft(scope, window, limit));
        }

        /** Adds a soft budget with a limit per key: calls that do not fit in their key's limit are reported and go ahead. */
        public Builder soft(CostScope scope, Window window, BudgetLimits limits) {
            return budget(Budget.soft(scope, window, limits));
        }

        /** Adds {@code budget}. */
        public Builder budget(Budget budget) {
            budgets.add(Preconditions.notNull(budget, "budget"));
            return this;
        }

        /** Told of every recorded call and every breach, on the calling thread; default none. */
        public Builder listener(Consumer<? super CostEvent> listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The interceptor.
         *
         * @throws InvalidInputException naming the first bad option, or two hard budgets on the same scope and window
         *     (keep the lower one; for per-key limits, one {@link BudgetLimits} that gives each key its limit)
         */
        public Budgets build() {
            Preconditions.notNull(priceTable, "priceTable");
            Preconditions.notNull(tokenCounter, "tokenCounter");
            Preconditions.check(defaultOutputTokens >= 1, "defaultOutputTokens must be >= 1, was " + defaultOutputTokens);
            for (int i = 0; i < budgets.size(); i++) {
                for (int j = i + 1; j < budgets.size(); j++) {
                    Budget a = budgets.get(i);
                    Budget c = budgets.get(j);
                    Preconditions.check(!(a.hard() && c.hard() && a.scope() == c.scope() && a.window() == c.window()),
                            "two hard budgets on " + a.scope() + "/" + a.window() + " (limits " + a.limits() + " and "
                                    + c.limits() + "); keep the lower one, or for per-key limits one BudgetLimits that gives"
                                    + " each key its limit");
                }
            }
            return new Budgets(this);
        }
    }
}
