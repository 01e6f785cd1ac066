package dev.weft.core.cost;

import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The limit of each key of a {@link Budget}'s scope: one default, and either a table of keys whose limit differs
 * ({@link #of}, {@link Table#with}) or a function of the key that looks it up in the application's own plan table
 * ({@link #by}). Amounts are in the {@link CostLedger}'s currency; a limit of zero refuses every priced call of that key.
 *
 * <pre>{@code
 * // A fixed limit for everyone but two tenants.
 * BudgetLimits tenants = BudgetLimits.of(new BigDecimal("50"))
 *     .with("tenant-acme", new BigDecimal("500"))     // an enterprise contract
 *     .with("tenant-noisy", new BigDecimal("10"));    // capped lower
 *
 * // Each user's plan, looked up on every call; a user with no plan (null) gets the default, the free plan's limit.
 * Map<Plan, BigDecimal> daily = Map.of(Plan.FREE, new BigDecimal("0.50"), Plan.PRO, new BigDecimal("5.00"),
 *     Plan.ENTERPRISE, new BigDecimal("100.00"));
 * BudgetLimits users = BudgetLimits.by(daily.get(Plan.FREE), userId -> accounts.planOf(userId).map(daily::get).orElse(null));
 * }</pre>
 *
 * <p>Records, immutable and thread-safe; a {@link Lookup}'s function is called on the calling thread of every call the
 * budget applies to, so it must be thread-safe and fast (a map, or a Caffeine {@code LoadingCache::get} in front of a
 * database). What {@link Budget#limitOf} makes of a lookup that returns null, a negative amount or throws is described
 * on {@link Lookup}.
 */
public sealed interface BudgetLimits permits BudgetLimits.Table, BudgetLimits.Lookup {

    /** The limit of a key that has none of its own (for a {@link Lookup}, a key it returns null for). */
    BigDecimal defaultLimit();

    /** The same {@code limit} for every key. */
    static Table of(BigDecimal limit) {
        return new Table(limit, Map.of());
    }

    /**
     * Limits looked up per key by {@code lookup}; {@code defaultLimit} for a key it returns null for.
     *
     * @throws dev.weft.core.InvalidInputException if an argument is null or {@code defaultLimit} is negative
     */
    static Lookup by(BigDecimal defaultLimit, Function<? super String, ? extends BigDecimal> lookup) {
        return new Lookup(defaultLimit, lookup);
    }

    /**
     * A default limit and the keys whose limit differs from it. {@link #of} and {@link #with} build one.
     *
     * @param defaultLimit the limit of a key not in {@code limits}, >= 0
     * @param limits the limit of each key that has its own, each >= 0; copied
     */
    record Table(BigDecimal defaultLimit, Map<String, BigDecimal> limits) implements BudgetLimits {
        public Table {
            checkLimit(defaultLimit, "defaultLimit");
            limits = Preconditions.immutableMap(limits, "limits");
            limits.forEach((key, limit) -> {
                Preconditions.notBlank(key, "a key of limits");
                checkLimit(limit, "the limit of '" + key + "'");
            });
        }

        /**
         * This table with {@code key}'s limit set to {@code limit} (replacing any it had).
         *
         * @throws dev.weft.core.InvalidInputException if {@code key} is blank or {@code limit} null or negative
         */
        public Table with(String key, BigDecimal limit) {
            Preconditions.notBlank(key, "key");
            checkLimit(limit, "the limit of '" + key + "'");
            Map<String, BigDecimal> next = new HashMap<>(limits);
            next.put(key, limit);
            return new Table(defaultLimit, next);
        }

        /** {@code key}'s limit: its own, or the default. */
        public BigDecimal limitOf(String key) {
            if (limits.isEmpty()) {
                return defaultLimit;
            }
            return limits.getOrDefault(key, defaultLimit);
        }
    }

    /**
     * Limits looked up by a function of the key: the user, tenant, feature or model id, or {@link CostScope#GLOBAL_KEY}.
     * When the budget applies to a call, {@link Budget#limitOf} calls {@code lookup} with the call's key and:
     *
     * <ul>
     *   <li>null means the key has no limit of its own: {@code defaultLimit} applies (so {@code plans::get} over a
     *       {@code Map} works);</li>
     *   <li>a negative amount, or an exception thrown by {@code lookup}, fails the call with a
     *       {@link BudgetLimitException} naming the budget and the key (carrying the exception as its cause), before the
     *       model is called and without holding any reservation: a limit that cannot be known is not taken to be
     *       unlimited. To fail open instead, catch in {@code lookup} and return the limit you want.</li>
     * </ul>
     *
     * @param defaultLimit the limit of a key {@code lookup} returns null for, >= 0
     * @param lookup the limit of a key; thread-safe, fast, not null
     */
    record Lookup(BigDecimal defaultLimit, Function<? super String, ? extends BigDecimal> lookup) implements BudgetLimits {
        public Lookup {
            checkLimit(defaultLimit, "defaultLimit");
            Preconditions.notNull(lookup, "lookup");
        }
    }

    private static void checkLimit(BigDecimal limit, String name) {
        Preconditions.notNull(limit, name);
        Preconditions.check(limit.signum() >= 0, name + " must be >= 0, was " + limit.toPlainString());
    }
}
