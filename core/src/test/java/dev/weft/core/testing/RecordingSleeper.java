package dev.weft.core.testing;

import dev.weft.core.resilience.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double for {@link Sleeper}: records every wait and returns at once, optionally moving a
 * {@link MutableClock} forward by the wait, so that backoff is checked without time passing. Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final MutableClock clock;

    public RecordingSleeper() {
        this(null);
    }

    /** A sleeper that advances {@code clock} by each wait. */
    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
    }

    /** The waits asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
