package dev.weft.core.cost;

import dev.weft.core.WeftException;

/**
 * A budget could not tell a key's limit: its {@link BudgetLimits.Lookup} threw (the exception is the cause) or returned
 * a negative amount. The call it was asked for failed before the model was called and holds no reservation.
 * {@link #budget()} and {@link #key()} say which budget and whose limit. Fix the lookup, or make it return the limit you
 * want when its source fails.
 */
public class BudgetLimitException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final String budget;
    private final String key;

    /**
     * @param message what happened and what to do
     * @param budget which budget, such as {@code "hard daily budget per user"}
     * @param key whose limit, such as the user id
     * @param cause what the lookup threw; null when it returned a bad amount
     */
    public BudgetLimitException(String message, String budget, String key, Throwable cause) {
        super(message, cause);
        this.budget = budget;
        this.key = key;
    }

    /** The budget whose limit was asked for. */
    public String budget() {
        return budget;
    }

    /** The key whose limit could not be told. */
    public String key() {
        return key;
    }
}
