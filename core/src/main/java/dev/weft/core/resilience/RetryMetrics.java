package dev.weft.core.resilience;

/**
 * A snapshot of what a {@link Retry} has done. Once no call is in flight the counts add up:
 * {@code attempts == calls + retries}, {@code calls == successes + failures + cancelled} and
 * {@code failures == exhausted + notRetryable + abandoned}.
 *
 * @param calls calls (and streams, once first read) that reached the interceptor
 * @param attempts times the rest of the chain was called
 * @param retries attempts after the first
 * @param successes calls that ended with an answer
 * @param failures calls that ended with an exception
 * @param cancelled streams closed by their reader before they ended
 * @param exhausted failures still retryable when the attempts ran out
 * @param notRetryable failures not worth retrying (a 400, an error after a stream had delivered deltas, …)
 * @param abandoned failures given up on because the wait asked for exceeded the limit, or the wait was interrupted
 * @param retryAfterHonoured waits that followed a provider's {@code Retry-After}
 */
public record RetryMetrics(long calls, long attempts, long retries, long successes, long failures, long cancelled,
        long exhausted, long notRetryable, long abandoned, long retryAfterHonoured) {}
