package dev.weft.rag.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.cache.VectorIndex.Neighbor;
import dev.weft.testing.ManualTicker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a write becomes visible to lookups: always to the writing thread's next lookup; to other threads at once with
 * the default zero staleness, or once the bound has passed. Time is a {@link ManualTicker}; the "other thread" is a
 * single-thread executor whose tasks the test waits for, so nothing here sleeps.
 */
class LuceneVectorIndexVisibilityTest {
    private static final float[] X = {1, 0};
    private static final float[] Y = {0, 1};

    private final ManualTicker ticker = new ManualTicker();
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOtherThread() {
        otherThread.shutdownNow();
    }

    private LuceneVectorIndex index(Duration maxStaleness) {
        return LuceneVectorIndex.builder().inMemory().dimension(2).maxStaleness(maxStaleness).ticker(ticker).build();
    }

    private <T> T onOtherThread(java.util.concurrent.Callable<T> task) throws Exception {
        Future<T> result = otherThread.submit(task);
        return result.get();
    }

    @Test
    void aThreadAlwaysSeesItsOwnWritesWhateverTheBound() {
        try (LuceneVectorIndex index = index(Duration.ofDays(1))) {
            index.put("p", "x", X);
            assertThat(index.nearest("p", X, 1)).containsExactly(new Neighbor("x", 1f));
            index.put("p", "x", Y);
            assertThat(index.nearest("p", Y, 1)).containsExactly(new Neighbor("x", 1f));
            index.remove("x");
            assertThat(index.nearest("p", Y, 1)).isEmpty();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void withZeroStalenessEveryThreadSeesEveryCompletedWrite() throws Exception {
        try (LuceneVectorIndex index = index(Duration.ZERO)) {
            onOtherThread(() -> {
                index.put("p", "x", X);
                return null;
            });
            assertThat(index.nearest("p", X, 1)).extracting(Neighbor::id).containsExactly("x");
            index.remove("x");
            assertThat(onOtherThread(() -> index.nearest("p", X, 1))).isEmpty();
        }
    }

    @Test
    void withABoundAnotherThreadsWriteShowsOnceTheBoundHasPassedSinceTheLastRefresh() throws Exception {
        try (LuceneVectorIndex index = index(Duration.ofMillis(100))) {
            index.put("p", "mine", X);
            assertThat(index.nearest("p", X, 5)).extracting(Neighbor::id).containsExactly("mine"); // refreshes now

            onOtherThread(() -> {
                index.put("p", "theirs", Y);
                return null;
            });
            ticker.advance(Duration.ofMillis(99));
            assertThat(index.nearest("p", X, 5)).as("99 ms after the last refresh").extracting(Neighbor::id).containsExactly("mine");
            ticker.advance(Duration.ofMillis(1));
            assertThat(index.nearest("p", X, 5)).as("100 ms after it").extracting(Neighbor::id).containsExactly("mine", "theirs");
        }
    }

    @Test
    void aThreadsOwnWriteRefreshesAndSoAlsoShowsOthersEarlierWrites() throws Exception {
        try (LuceneVectorIndex index = index(Duration.ofDays(1))) {
            onOtherThread(() -> {
                index.put("p", "theirs", Y);
                return null;
            });
            assertThat(index.nearest("p", Y, 5)).isEmpty();
            index.put("p", "mine", X);
            assertThat(index.nearest("p", Y, 5)).extracting(Neighbor::id).containsExactly("theirs", "mine");
        }
    }
}
