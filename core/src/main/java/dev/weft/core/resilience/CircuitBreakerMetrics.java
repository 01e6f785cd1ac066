package dev.weft.core.resilience;

/**
 * A snapshot of what a {@link CircuitBreaker} has done, over all models. Once no call is in flight,
 * {@code permitted == successes + failures + ignored + cancelled}.
 *
 * @param permitted calls let through (trial calls included)
 * @param rejected calls refused with {@link dev.weft.core.CircuitOpenException}
 * @param successes permitted calls that answered
 * @param failures permitted calls that failed in a way that counts against the model
 * @param ignored permitted calls that failed in a way that does not (a 400, a rate limit)
 * @param cancelled permitted streams closed by their reader before they ended
 * @param opened transitions to {@link CircuitBreaker.State#OPEN}
 * @param halfOpened transitions to {@link CircuitBreaker.State#HALF_OPEN}
 * @param closed transitions back to {@link CircuitBreaker.State#CLOSED}
 */
public record CircuitBreakerMetrics(long permitted, long rejected, long successes, long failures, long ignored,
        long cancelled, long opened, long halfOpened, long closed) {}
