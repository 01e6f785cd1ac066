package dev.weft.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A test double: a Caffeine {@link Ticker} that stands still until the test moves it. Thread-safe. */
public final class ManualTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
        return nanos.get();
    }

    /** Moves time forward by {@code d}. */
    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
