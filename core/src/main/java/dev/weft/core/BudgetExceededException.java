package dev.weft.core;

import java.math.BigDecimal;

/**
 * A hard budget refused a call before any money was spent: the call's estimated cost did not fit in what was left.
 * The model was not called. {@link #budget()} and {@link #key()} name the budget and whose it is (a user id, a
 * tenant id…); {@link #limit()}, {@link #spent()}, {@link #reserved()} and {@link #estimate()} give the arithmetic,
 * in {@link #currency()}. Wait for the budget's window to roll over, raise its limit, or make the call cheaper (a
 * lower {@code maxTokens}, a shorter prompt, a cheaper model).
 */
public class BudgetExceededException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final String budget;
    private final String key;
    private final BigDecimal limit;
    private final BigDecimal spent;
    private final BigDecimal reserved;
    private final BigDecimal estimate;
    private final String currency;

    /** A refusal described only by {@code message}; the amounts are unknown (zero) and the names empty. */
    public BudgetExceededException(String message) {
        this(message, "", "", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "");
    }

    /**
     * @param budget which budget refused, such as {@code "hard daily budget per user"}
     * @param key whose budget it is, such as the user id; {@code "*"} for a global budget
     * @param limit the budget's limit
     * @param spent what its window had spent before the call
     * @param reserved the estimates of calls in flight, held against the same limit
     * @param estimate what the refused call was estimated to cost
     * @param currency the currency of the amounts
     */
    public BudgetExceededException(String message, String budget, String key, BigDecimal limit, BigDecimal spent,
            BigDecimal reserved, BigDecimal estimate, String currency) {
        super(message);
        this.budget = budget;
        this.key = key;
        this.limit = limit;
        this.spent = spent;
        this.reserved = reserved;
        this.estimate = estimate;
        this.currency = currency;
    }

    /** Which budget refused. */
    public String budget() {
        return budget;
    }

    /** Whose budget it is: the user, tenant, feature or model id, or {@code "*"} for a global budget. */
    public String key() {
        return key;
    }

    /** The budget's limit. */
    public BigDecimal limit() {
        return limit;
    }

    /** What the budget's window had spent when the call was refused. */
    public BigDecimal spent() {
        return spent;
    }

    /** The estimates of calls in flight at that moment, which count against the limit until they are settled. */
    public BigDecimal reserved() {
        return reserved;
    }

    /** The refused call's estimated cost. */
    public BigDecimal estimate() {
        return estimate;
    }

    /** The currency of the amounts; empty when unknown. */
    public String currency() {
        return currency;
    }
}
