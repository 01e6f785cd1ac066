package dev.weft.core.resilience;

import java.time.Duration;

/**
 * How a {@link Retry} waits between attempts. The default, {@link #SYSTEM}, sleeps the calling thread; tests pass
 * one that records the waits and returns at once, so backoff is checked without time passing.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the calling thread. */
    Sleeper SYSTEM = d -> {
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    };

    /** Waits for {@code duration}; returns at once for zero. */
    void sleep(Duration duration) throws InterruptedException;
}
