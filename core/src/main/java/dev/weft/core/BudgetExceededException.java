package dev.weft.core;

/** A hard budget refused a call before any money was spent. The message names the budget and its limit. */
public class BudgetExceededException extends WeftException {
    private static final long serialVersionUID = 1L;

    public BudgetExceededException(String message) {
        super(message);
    }
}
