package dev.weft.core.cost;

import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A spending limit: how much the calls of each {@link CostScope} key may cost within a {@link Window}, in the
 * {@link CostLedger}'s currency. The limit is the same for every key, or {@linkplain BudgetLimits given per key}
 * (a user's plan, a tenant's contract). A hard budget refuses a call whose estimate does not fit in what is left of its
 * key's limit; a soft one reports it as a {@link BudgetBreach} and lets the call through. Immutable.
 *
 * <pre>{@code
 * Budget perUserPerDay = Budget.hard(CostScope.USER, Window.DAILY, new BigDecimal("5.00"));
 * Budget tenantAlert = Budget.soft(CostScope.TENANT, Window.DAILY, new BigDecimal("200"));
 * Budget perTenantPerDay = Budget.hard(CostScope.TENANT, Window.DAILY,
 *     BudgetLimits.of(new BigDecimal("50")).with("tenant-acme", new BigDecimal("500")));
 * }</pre>
 *
 * @param scope whose spending it limits; each key of the scope (each user, say) is counted on its own
 * @param window the span of calls the limit covers
 * @param limits the limit of each key
 * @param hard whether it refuses calls (true) or only reports them (false)
 */
public record Budget(CostScope scope, Window window, BudgetLimits limits, boolean hard) {

    public Budget {
        Preconditions.notNull(scope, "scope");
        Preconditions.notNull(window, "window");
        Preconditions.notNull(limits, "limits");
    }

    /**
     * A budget with the same {@code limit} for every key.
     *
     * @throws dev.weft.core.InvalidInputException if an argument is null or {@code limit} negative
     */
    public Budget(CostScope scope, Window window, BigDecimal limit, boolean hard) {
        this(scope, window, BudgetLimits.of(checked(limit)), hard);
    }

    /** A budget that refuses calls whose estimate does not fit in {@code limit}, the same for every key. */
    public static Budget hard(CostScope scope, Window window, BigDecimal limit) {
        return new Budget(scope, window, limit, true);
    }

    /** A budget that refuses calls whose estimate does not fit in their key's limit. */
    public static Budget hard(CostScope scope, Window window, BudgetLimits limits) {
        return new Budget(scope, window, limits, true);
    }

    /** A budget that reports calls whose estimate does not fit in {@code limit}, the same for every key. */
    public static Budget soft(CostScope scope, Window window, BigDecimal limit) {
        return new Budget(scope, window, limit, false);
    }

    /** A budget that reports calls whose estimate does not fit in their key's limit, and lets them through. */
    public static Budget soft(CostScope scope, Window window, BudgetLimits limits) {
        return new Budget(scope, window, limits, false);
    }

    /**
     * The limit of a key that has none of its own: for a budget built with one limit, that limit, which is every key's.
     * For per-key limits use {@link #limitOf}.
     */
    public BigDecimal limit() {
        return limits.defaultLimit();
    }

    /**
     * {@code key}'s limit, as {@link Budgets} applies it to a call of that key.
     *
     * @throws BudgetLimitException naming this budget and the key, if a {@link BudgetLimits.Lookup} throws or returns a
     *     negative amount
     */
    public BigDecimal limitOf(String key) {
        return switch (limits) {
            case BudgetLimits.Table t -> t.limitOf(key);
            case BudgetLimits.Lookup l -> lookUp(l, key);
        };
    }

    private BigDecimal lookUp(BudgetLimits.Lookup l, String key) {
        BigDecimal limit;
        try {
            limit = l.lookup().apply(key);
        } catch (RuntimeException e) {
            throw new BudgetLimitException("The " + describe() + " could not look up the limit of '" + key + "': " + e
                    + ". The call was not made. Fix the lookup given to BudgetLimits.by, or have it return a limit when its"
                    + " source fails.", describe(), key, e);
        }
        if (limit == null) {
            return l.defaultLimit();
        }
        if (limit.signum() < 0) {
            throw new BudgetLimitException("The " + describe() + " looked up a negative limit for '" + key + "': "
                    + limit.toPlainString() + ". The call was not made. Have the lookup given to BudgetLimits.by return a"
                    + " limit >= 0 (0 refuses every priced call), or null for the default.", describe(), key, null);
        }
        return limit;
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

    private static BigDecimal checked(BigDecimal limit) {
        Preconditions.notNull(limit, "limit");
        Preconditions.check(limit.signum() >= 0, "a budget's limit must be >= 0, was " + limit);
        return limit;
    }
}
