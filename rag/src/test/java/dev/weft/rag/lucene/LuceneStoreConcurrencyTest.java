package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.TextQuery;
import dev.weft.core.retrieval.VectorQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers and readers on one store: every writer reads its own writes the moment each returns, readers
 * never see a batch half-written (each batch sets the same tag on all its chunks), and nothing is lost.
 */
class LuceneStoreConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int READERS = 3;
    private static final int BATCHES = 25;
    private static final int BATCH_SIZE = 8;

    @TempDir
    Path dir;

    @Test
    void concurrentWritersAndReadersSeeConsistentState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        try (LuceneStore store = LuceneStore.builder().path(dir).dimension(4).build()) {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < BATCHES; b++) {
                        String tag = "w" + writer + "b" + b;
                        List<StoredChunk> batch = new ArrayList<>();
                        for (int i = 0; i < BATCH_SIZE; i++) {
                            batch.add(new StoredChunk(tag + "c" + i, "shared words " + tag,
                                    new float[] {writer + 1, b + 1, i + 1, 1}, Metadata.of("tag", tag, "writer", writer)));
                        }
                        store.upsert(batch);
                        assertThat(store.get(tag + "c" + (BATCH_SIZE - 1))).as("read-your-writes").isPresent();
                        assertThat(store.search(VectorQuery.of(new float[] {1, 1, 1, 1}, 100, Filter.eq("tag", tag))))
                                .as("a filtered search right after the write").hasSize(BATCH_SIZE);
                        if (b % 10 == 9) {
                            store.commit();
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < READERS; r++) {
                work.add(pool.submit(() -> {
                    start.await();
                    long lastSize = 0;
                    for (int i = 0; i < 60; i++) {
                        long size = store.size();
                        assertThat(size).as("size never shrinks: nothing is deleted").isGreaterThanOrEqualTo(lastSize);
                        assertThat(size % BATCH_SIZE).as("whole batches only").isZero();
                        lastSize = size;
                        List<SearchHit> hits = store.fullText().orElseThrow().search(new TextQuery("shared", 1000, null));
                        assertThat(hits.size() % BATCH_SIZE).as("whole batches only in full-text results").isZero();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get();
            }
            assertThat(store.size()).isEqualTo((long) WRITERS * BATCHES * BATCH_SIZE);
        } finally {
            pool.shutdownNow();
        }
        try (LuceneStore reopened = LuceneStore.builder().path(dir).dimension(4).build()) {
            assertThat(reopened.size()).as("close committed everything").isEqualTo((long) WRITERS * BATCHES * BATCH_SIZE);
        }
    }
}
