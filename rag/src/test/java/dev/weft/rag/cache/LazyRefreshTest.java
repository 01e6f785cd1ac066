package dev.weft.rag.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.ManualTicker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the refresh policy costs: reads refresh only when they must, and a burst of writes costs one refresh. */
class LazyRefreshTest {
    private final AtomicInteger refreshes = new AtomicInteger();
    private final ManualTicker ticker = new ManualTicker();

    private LazyRefresh policy(Duration maxStaleness) {
        return new LazyRefresh(refreshes::incrementAndGet, ticker, maxStaleness.toNanos());
    }

    @Test
    void readsWithoutWritesNeverRefresh() throws Exception {
        LazyRefresh policy = policy(Duration.ZERO);
        for (int i = 0; i < 100; i++) {
            policy.beforeRead();
        }
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aBurstOfWritesCostsOneRefreshAtTheNextRead() throws Exception {
        LazyRefresh policy = policy(Duration.ZERO);
        for (int i = 0; i < 1_000; i++) {
            policy.written();
        }
        assertThat(refreshes).hasValue(0);
        policy.beforeRead();
        policy.beforeRead();
        assertThat(refreshes).hasValue(1);
        policy.written();
        policy.beforeRead();
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void otherThreadsWritesRefreshAtMostOncePerBound() throws Exception {
        LazyRefresh policy = policy(Duration.ofMillis(50));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 10; round++) {
                writer.submit(policy::written).get();
                policy.beforeRead();
                ticker.advance(Duration.ofMillis(10));
            }
            // Another thread writes before each read, 10 ms apart, for 100 ms: reads at 0..40 ms are within 50 ms of
            // the opening refresh, the read at 50 ms refreshes, the reads at 60..90 ms are within 50 ms of that one.
            assertThat(refreshes).hasValue(1);
            policy.written();
            policy.beforeRead();
            assertThat(refreshes).as("an own write forces the refresh").hasValue(2);
        } finally {
            writer.shutdownNow();
        }
    }
}
