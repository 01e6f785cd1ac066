package dev.weft.core.resilience;

/**
 * A snapshot of a {@link Fallback}. Every call ends in exactly one of five ways, so once no call is in flight
 * {@code calls == primarySuccesses + passedOn + fallbackSuccesses + fallbackFailures + cancelled}; and
 * {@code fallbacks >= fallbackSuccesses + fallbackFailures} (the difference: streams cancelled after falling back).
 *
 * @param calls calls and streams (once first read) that reached it
 * @param primarySuccesses answered by the primary model
 * @param passedOn primary failures not worth falling back for, passed to the caller
 * @param fallbacks calls handed to the fallback model
 * @param fallbackSuccesses answered by the fallback model
 * @param fallbackFailures failed on the fallback model too
 * @param cancelled streams closed by their reader before they ended
 */
public record FallbackMetrics(long calls, long primarySuccesses, long passedOn, long fallbacks, long fallbackSuccesses,
        long fallbackFailures, long cancelled) {}
