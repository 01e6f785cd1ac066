package dev.weft.core.resilience;

/**
 * A snapshot of a {@link Timeout}.
 *
 * @param calls calls and streams that started through it
 * @param timeouts of those, the ones it cut off with {@link dev.weft.core.ModelTimeoutException}
 */
public record TimeoutMetrics(long calls, long timeouts) {}
