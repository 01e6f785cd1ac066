package dev.weft.core.cost;

/**
 * The span of calls a budget's limit covers. Days begin at midnight in the {@link CostLedger}'s zone (UTC by
 * default); a call counts in the day it started, even if it ends after midnight.
 */
public enum Window {
    /** Each call on its own: its estimate must fit in the limit. Nothing is accumulated. */
    PER_REQUEST,
    /** The calls that started on the same day. */
    DAILY,
    /** Every call the ledger has recorded. */
    TOTAL
}
