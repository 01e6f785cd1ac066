package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent readers and writers (a few threads, bounded loops, joined) leave a consistent store: every search
 * a reader made was well-formed, and the final contents are exactly the last writes of each writer, whose ids
 * are disjoint. The timeout only stops a hung build.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InMemoryVectorStoreConcurrencyTest {
    private static final int DIMENSION = 4;
    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int ROUNDS = 400;

    @Test
    void readersAndWritersLeaveAConsistentStore() throws InterruptedException {
        long seed = Generated.BASE_SEED;
        InMemoryVectorStore store = InMemoryVectorStore.builder().dimension(DIMENSION).build();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Map<String, StoredChunk>> expected = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();

        for (int w = 0; w < WRITERS; w++) {
            Map<String, StoredChunk> mine = new HashMap<>();
            expected.add(mine);
            SplittableRandom random = new SplittableRandom(seed + w);
            String prefix = "w" + w + "-";
            threads.add(new Thread(() -> run(start, failures, () -> {
                for (int i = 0; i < ROUNDS; i++) {
                    int op = random.nextInt(10);
                    if (op < 6) {
                        List<StoredChunk> batch = new ArrayList<>();
                        for (int b = random.nextInt(1, 4); b > 0; b--) {
                            String id = prefix + random.nextInt(40);
                            if (batch.stream().noneMatch(c -> c.id().equals(id))) {
                                batch.add(new StoredChunk(id, "round " + i, vector(random), Metadata.of("round", i, "writer", prefix)));
                            }
                        }
                        store.upsert(batch);
                        batch.forEach(c -> mine.put(c.id(), c));
                    } else if (op < 8) {
                        String id = prefix + random.nextInt(40);
                        store.delete(List.of(id));
                        mine.remove(id);
                    } else {
                        int round = random.nextInt(Math.max(1, i));
                        Filter f = Filter.and(Filter.eq("writer", prefix), Filter.lt("round", round));
                        store.deleteWhere(f);
                        mine.values().removeIf(c -> f.test(c.metadata()));
                    }
                }
            }), "writer-" + w));
        }
        for (int rd = 0; rd < READERS; rd++) {
            SplittableRandom random = new SplittableRandom(seed + 100 + rd);
            threads.add(new Thread(() -> run(start, failures, () -> {
                for (int i = 0; i < ROUNDS; i++) {
                    float[] q = vector(random);
                    int topK = random.nextInt(1, 20);
                    List<SearchHit> hits = store.search(VectorQuery.of(q, topK));
                    assertThat(hits.size()).isLessThanOrEqualTo(topK);
                    for (int h = 0; h < hits.size(); h++) {
                        SearchHit hit = hits.get(h);
                        assertThat(hit.score()).isEqualTo(Similarity.COSINE.compute(q, hit.chunk().vector()));
                        if (h > 0) {
                            SearchHit prev = hits.get(h - 1);
                            assertThat(prev.score() > hit.score()
                                    || (prev.score() == hit.score() && prev.chunk().id().compareTo(hit.chunk().id()) < 0))
                                    .as("ranked best first").isTrue();
                        }
                    }
                    assertThat(store.size()).isBetween(0L, (long) WRITERS * 40);
                }
            }), "reader-" + rd));
        }

        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(failures).as("failures in threads (seed %d)", seed).isEmpty();
        Map<String, StoredChunk> all = new HashMap<>();
        expected.forEach(all::putAll);
        assertThat(store.size()).as("seed %d", seed).isEqualTo(all.size());
        all.forEach((id, chunk) -> assertThat(store.get(id)).as("seed %d, id %s", seed, id).contains(chunk));
        assertThat(store.search(VectorQuery.of(new float[] {1, 1, 1, 1}, Integer.MAX_VALUE - 1)))
                .extracting(h -> h.chunk().id()).containsExactlyInAnyOrderElementsOf(all.keySet());
    }

    private static float[] vector(SplittableRandom random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    private static void run(CountDownLatch start, ConcurrentLinkedQueue<Throwable> failures, Runnable body) {
        try {
            start.await();
            body.run();
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
