package dev.weft.core.resilience;

/**
 * A snapshot of a {@link ConcurrencyLimit}.
 *
 * @param acquired calls that got a slot
 * @param rejected calls refused with {@link dev.weft.core.ConcurrencyLimitExceededException}
 * @param inFlight calls holding a slot now
 * @param peakInFlight the most calls that held slots at once
 */
public record ConcurrencyLimitMetrics(long acquired, long rejected, int inFlight, int peakInFlight) {}
