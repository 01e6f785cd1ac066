package dev.weft.core.cost;

import dev.weft.core.chat.RequestContext;
import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;

/**
 * A call whose estimate did not fit in what its key's budget had left: {@code spent + reserved + estimate > limit}, where
 * {@code limit} is the limit that applied to that key (see {@link Budget#limitOf}). For a hard budget the call was
 * refused (with a {@link dev.weft.core.BudgetExceededException}); for a soft one it went ahead. Immutable.
 *
 * @param budget the budget
 * @param key whose budget: the user, tenant, feature or model id, or {@link CostScope#GLOBAL_KEY}
 * @param limit the key's limit when the call was checked
 * @param spent what the budget's window had spent (zero for {@link Window#PER_REQUEST})
 * @param reserved the estimates of calls in flight held against the limit (zero for a per-request window)
 * @param estimate the call's estimated cost
 * @param currency the currency of the amounts
 * @param context the request's context
 * @param modelId the model the call was for
 */
public record BudgetBreach(Budget budget, String key, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
        BigDecimal estimate, String currency, RequestContext context, String modelId) implements CostEvent {

    public BudgetBreach {
        Preconditions.notNull(budget, "budget");
        Preconditions.notNull(limit, "limit");
    }

    /**
     * A breach of {@code key}'s limit as {@code budget} gives it now ({@link Budget#limitOf}, which may call a
     * {@link BudgetLimits.Lookup}).
     */
    public BudgetBreach(Budget budget, String key, BigDecimal spent, BigDecimal reserved, BigDecimal estimate,
            String currency, RequestContext context, String modelId) {
        this(budget, key, Preconditions.notNull(budget, "budget").limitOf(key), spent, reserved, estimate, currency, context,
                modelId);
    }

    /** Whether the call was refused. */
    public boolean refused() {
        return budget.hard();
    }

    /** What was left before the call: {@code limit - spent - reserved}, possibly negative. */
    public BigDecimal remaining() {
        return limit.subtract(spent).subtract(reserved);
    }
}
