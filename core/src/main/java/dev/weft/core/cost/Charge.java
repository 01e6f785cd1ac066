package dev.weft.core.cost;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call's passage through {@link Budgets}: its estimate and reservations, settled exactly once — with the
 * response's usage, with an estimate of a stream that ended early, or by giving the reservations back.
 */
final class Charge {
    private final Budgets budgets;
    private final RequestContext context;
    private final ModelInfo model;
    private final Pricing pricing;
    private final Instant at;
    private final long day;
    private final TokenUsage estimate;
    private final Held held;
    private final AtomicBoolean settled = new AtomicBoolean();

    Charge(Budgets budgets, RequestContext context, ModelInfo model, Pricing pricing, Instant at, long day, TokenUsage estimate,
            Held held) {
        this.budgets = budgets;
        this.context = context;
        this.model = model;
        this.pricing = pricing;
        this.at = at;
        this.day = day;
        this.estimate = estimate;
        this.held = held;
    }

    /** The call answered: records its usage at the price of the model that answered. */
    void complete(ChatResponse response, UsageEstimator estimator) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        TokenUsage usage = response.usage();
        boolean estimated = false;
        // A cache's answer spent nothing; a model that reports no usage for a real answer is charged an estimate.
        if (usage.totalTokens() == 0 && !response.fromCache() && (!response.text().isEmpty() || response.message().hasToolCalls())) {
            usage = new TokenUsage(estimate.inputTokens(), outputTokens(response, estimator));
            estimated = true;
        }
        record(response.model(), usage, estimated);
    }

    /**
     * A stream failed or was closed before it ended: charges the input estimate and {@code outputTokens} if it delivered
     * anything, else gives the reservations back.
     */
    void endedEarly(boolean delivered, long outputTokens) {
        if (!delivered) {
            abandon();
        } else if (settled.compareAndSet(false, true)) {
            record(model, new TokenUsage(estimate.inputTokens(), outputTokens), true);
        }
    }

    /** The call failed: gives the reservations back and records nothing. */
    void abandon() {
        if (settled.compareAndSet(false, true)) {
            held.releaseRemaining();
        }
    }

    private void record(ModelInfo answered, TokenUsage usage, boolean estimated) {
        Pricing p = budgets.pricingOfAnswer(answered, model, pricing);
        CostEntry entry = new CostEntry(at, context, answered, usage, p.cost(usage), budgets.ledger().currency(), estimated);
        budgets.settle(entry, day, held);
    }

    private static long outputTokens(ChatResponse response, UsageEstimator estimator) {
        long n = estimator.count(response.text());
        for (ToolCall c : response.message().toolCalls()) {
            n += estimator.count(c.name()) + estimator.count(c.arguments());
        }
        return n;
    }
}
