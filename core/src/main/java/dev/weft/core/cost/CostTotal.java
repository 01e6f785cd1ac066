package dev.weft.core.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one key of a {@link CostScope} has spent, over all time or on one day: a line of a {@link CostLedger}.
 * Immutable.
 *
 * @param scope the scope
 * @param key the user, tenant, feature or model id, or {@link CostScope#GLOBAL_KEY}
 * @param day the day in the ledger's zone, or {@code null} for the total over all time
 * @param spent the recorded cost of the calls
 * @param reserved the estimates of calls in flight held against budgets on this line (zero when none)
 * @param calls the calls recorded
 * @param inputTokens their input tokens
 * @param outputTokens their output tokens
 */
public record CostTotal(CostScope scope, String key, LocalDate day, BigDecimal spent, BigDecimal reserved, long calls,
        long inputTokens, long outputTokens) {

    /** Whether this is the total over all time rather than one day's. */
    public boolean allTime() {
        return day == null;
    }
}
