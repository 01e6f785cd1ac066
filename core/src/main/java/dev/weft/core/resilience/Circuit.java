package dev.weft.core.resilience;

import dev.weft.core.CircuitOpenException;
import java.time.Duration;
import java.time.Instant;

/**
 * The state machine of one model's breaker. CLOSED counts consecutive failures and opens at the threshold; OPEN
 * refuses calls until its time is up, then turns HALF_OPEN on the next call; HALF_OPEN lets a few trial calls
 * through, closes when all of them succeed and opens again at the first failure. Every transition starts a new
 * generation, and outcomes of calls permitted in an earlier generation change only the counts, never the state.
 * Thread-safe (synchronized; the sections are a few field updates).
 */
final class Circuit {
    private final CircuitBreaker breaker;
    private final String model;
    private CircuitBreaker.State state = CircuitBreaker.State.CLOSED;
    private long generation;
    private int consecutiveFailures;
    private Instant openedAt;
    private int trialsInFlight;
    private int trialSuccesses;

    Circuit(CircuitBreaker breaker, String model) {
        this.breaker = breaker;
        this.model = model;
    }

    synchronized CircuitBreaker.State state() {
        return state;
    }

    /** A lease for one call, or {@link CircuitOpenException}. */
    Lease acquire() {
        long permitted;
        synchronized (this) {
            Instant now = breaker.clock().instant();
            if (state == CircuitBreaker.State.OPEN) {
                Duration left = Duration.between(now, openedAt.plus(breaker.openDuration()));
                if (left.isPositive()) {
                    breaker.counts().rejected.increment();
                    throw new CircuitOpenException("The circuit breaker for " + model + " is open after " + breaker.failureThreshold()
                            + " consecutive failures; it lets a trial call through in " + left
                            + ". Fall back to another model meanwhile.", left);
                }
                transition(CircuitBreaker.State.HALF_OPEN, now);
            }
            if (state == CircuitBreaker.State.HALF_OPEN) {
                if (trialsInFlight >= breaker.halfOpenTrials()) {
                    breaker.counts().rejected.increment();
                    throw new CircuitOpenException("The circuit breaker for " + model + " is half-open and its "
                            + breaker.halfOpenTrials() + " trial call(s) are in flight; fall back to another model meanwhile.", null);
                }
                trialsInFlight++;
            }
            permitted = generation;
        }
        breaker.counts().permitted.increment();
        return new CircuitLease(permitted);
    }

    private void transition(CircuitBreaker.State to, Instant now) {
        state = to;
        generation++;
        trialsInFlight = 0;
        trialSuccesses = 0;
        consecutiveFailures = 0;
        switch (to) {
            case OPEN -> {
                openedAt = now;
                breaker.counts().opened.increment();
            }
            case HALF_OPEN -> breaker.counts().halfOpened.increment();
            case CLOSED -> breaker.counts().closed.increment();
        }
        breaker.logTransition(model, to);
    }

    private synchronized void onSuccess(long gen) {
        if (gen != generation) {
            return;
        }
        if (state == CircuitBreaker.State.CLOSED) {
            consecutiveFailures = 0;
        } else if (state == CircuitBreaker.State.HALF_OPEN) {
            trialsInFlight--;
            if (++trialSuccesses >= breaker.halfOpenTrials()) {
                transition(CircuitBreaker.State.CLOSED, breaker.clock().instant());
            }
        }
    }

    private synchronized void onFailure(long gen) {
        if (gen != generation) {
            return;
        }
        if (state == CircuitBreaker.State.CLOSED) {
            if (++consecutiveFailures >= breaker.failureThreshold()) {
                transition(CircuitBreaker.State.OPEN, breaker.clock().instant());
            }
        } else if (state == CircuitBreaker.State.HALF_OPEN) {
            transition(CircuitBreaker.State.OPEN, breaker.clock().instant());
        }
    }

    /** A call that ended without a verdict on the model: frees its trial slot. */
    private synchronized void onNeutral(long gen) {
        if (gen == generation && state == CircuitBreaker.State.HALF_OPEN) {
            trialsInFlight--;
        }
    }

    private final class CircuitLease implements Lease {
        private final long gen;

        CircuitLease(long gen) {
            this.gen = gen;
        }

        @Override
        public void succeeded() {
            breaker.counts().successes.increment();
            onSuccess(gen);
        }

        @Override
        public void failed(RuntimeException e) {
            if (breaker.countsAgainstModel(e)) {
                breaker.counts().failures.increment();
                onFailure(gen);
            } else {
                breaker.counts().ignored.increment();
                onNeutral(gen);
            }
        }

        @Override
        public void cancelled() {
            breaker.counts().cancelled.increment();
            onNeutral(gen);
        }
    }
}
