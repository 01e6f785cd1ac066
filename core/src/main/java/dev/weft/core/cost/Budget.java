package dev.weft.core.cost;

import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A spending limit: how much the calls of one {@link CostScope} key may cost within a {@link Window}, in the
 * {@link CostLedger}'s currency. A hard budget refuses a call whose estimate does not fit in what is left; a soft one
 * reports it as a {@link BudgetBreach} and lets the call through. Immutable.
 *
 * <pre>{@code
 * Budget perUserPerDay = Budget.hard(CostScope.USER, Window.DAILY, new BigDecimal("5.00"));
 * Budget tenantAlert = Budget.soft(CostScope.TENANT, Window.DAILY, new BigDecimal("200"));
 * }</pre>
 *
 * @param scope whose spending it limits; each key of the scope (each user, say) has a limit of its own
 * @param window the span of calls the limit covers
 * @param limit the most those calls may cost, >= 0
 * @param hard whether it refuses calls (true) or only reports them (false)
 */
public record Budget(CostScope scope, Window window, BigDecimal limit, boolean hard) {

    public Budget {
        Preconditions.notNull(scope, "scope");
        Preconditions.notNull(window, "window");
        Preconditions.notNull(limit, "limit");
        Preconditions.check(limit.signum() >= 0, "a budget's limit must be >= 0, was " + limit);
    }

    /** A budget that refuses calls whose estimate does not fit. */
    public static Budget hard(CostScope scope, Window window, BigDecimal limit) {
        return new Budget(scope, window, limit, true);
    }

    /** A budget that reports calls whose estimate does not fit and lets them through. */
    public static Budget soft(CostScope scope, Window window, BigDecimal limit) {
        return new Budget(scope, window, limit, false);
    }

    /** A short description for messages, such as {@code "hard daily budget per user"}. */
    public String describe() {
        String span = switch (window) {
            case PER_REQUEST -> "per-request";
            case DAILY -> "daily";
            case TOTAL -> "total";
        };
        String of = scope == CostScope.GLOBAL ? "overall" : "per " + scope.name().toLowerCase(Locale.ROOT);
        return (hard ? "hard " : "soft ") + span + " budget " + of;
    }
}
