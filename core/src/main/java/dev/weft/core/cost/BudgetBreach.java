package dev.weft.core.cost;

import dev.weft.core.chat.RequestContext;
import java.math.BigDecimal;

/**
 * A call whose estimate did not fit in what a budget had left: {@code spent + reserved + estimate > limit}. For a
 * hard budget the call was refused (with a {@link dev.weft.core.BudgetExceededException}); for a soft one it went
 * ahead. Immutable.
 *
 * @param budget the budget
 * @param key whose budget: the user, tenant, feature or model id, or {@link CostScope#GLOBAL_KEY}
 * @param spent what the budget's window had spent (zero for {@link Window#PER_REQUEST})
 * @param reserved the estimates of calls in flight held against the limit (zero for a per-request window)
 * @param estimate the call's estimated cost
 * @param currency the currency of the amounts
 * @param context the request's context
 * @param modelId the model the call was for
 */
public record BudgetBreach(Budget budget, String key, BigDecimal spent, BigDecimal reserved, BigDecimal estimate,
        String currency, RequestContext context, String modelId) implements CostEvent {

    /** Whether the call was refused. */
    public boolean refused() {
        return budget.hard();
    }

    /** What was left before the call: {@code limit - spent - reserved}, possibly negative. */
    public BigDecimal remaining() {
        return budget.limit().subtract(spent).subtract(reserved);
    }
}
