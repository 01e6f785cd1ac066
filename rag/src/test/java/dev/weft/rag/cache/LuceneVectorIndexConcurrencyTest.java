package dev.weft.rag.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ResourceClosedException;
import dev.weft.core.cache.VectorIndex.Neighbor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers and readers on one index. Each writer owns its ids and its partition, so the end state is
 * known; every writer checks, after each of its writes, that its own next lookup sees it (read-your-writes under
 * contention), and every lookup returns only entries of the partition it asked for. Each partition outgrows the
 * own-graph threshold while the others are written, so entries land in the shared graph and in own graphs alike.
 */
class LuceneVectorIndexConcurrencyTest {
    private static final int THREADS = 6;
    private static final int WRITES = 150;
    private static final int DIMENSION = 8;

    @Test
    void concurrentWritersAndReadersKeepReadYourWritesAndPartitions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(DIMENSION).exactSearchThreshold(50)
                .ownGraphThreshold(40).build()) {
            List<Future<BruteForceIndex>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    return writeAndCheck(index, thread);
                }));
            }
            start.countDown();
            List<BruteForceIndex> expected = new ArrayList<>();
            for (Future<BruteForceIndex> w : writers) {
                expected.add(w.get());
            }
            for (int t = 0; t < THREADS; t++) {
                BruteForceIndex mine = expected.get(t);
                String partition = "partition-" + t;
                assertThat(index.nearest(partition, unit(new SplittableRandom(t)), Integer.MAX_VALUE))
                        .as("%s at the end", partition)
                        .hasSize((int) mine.count(partition))
                        .allSatisfy(n -> assertThat(mine.partitionOf(n.id())).isEqualTo(partition));
            }
            assertThat(index.size()).isEqualTo(expected.stream().mapToInt(BruteForceIndex::size).sum());
        } finally {
            pool.shutdownNow();
        }
    }

    private static BruteForceIndex writeAndCheck(LuceneVectorIndex index, int thread) {
        SplittableRandom random = new SplittableRandom(1_000 + thread);
        BruteForceIndex mine = new BruteForceIndex();
        String partition = "partition-" + thread;
        for (int i = 0; i < WRITES; i++) {
            String id = "t" + thread + "-" + random.nextInt(WRITES / 2);
            if (random.nextInt(10) == 0) {
                index.remove(id);
                mine.remove(id);
                assertThat(index.nearest(partition, unit(random), Integer.MAX_VALUE)).extracting(Neighbor::id).doesNotContain(id);
            } else {
                float[] v = unit(random);
                index.put(partition, id, v);
                mine.put(partition, id, v);
                List<Neighbor> top = index.nearest(partition, v, 1);
                assertThat(top).as("thread %d, write %d: its own put", thread, i).hasSize(1);
                assertThat(top.getFirst().similarity()).as("thread %d, write %d", thread, i).isGreaterThan(0.9999f);
            }
            String other = "partition-" + random.nextInt(THREADS);
            assertThat(index.nearest(other, unit(random), 10)).allSatisfy(n -> assertThat(n.id()).startsWith("t" + other.substring(10) + "-"));
        }
        return mine;
    }

    @Test
    void closeWaitsForRunningCallsAndLaterCallsFailCleanly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(DIMENSION).build();
        CountDownLatch running = new CountDownLatch(3);
        try {
            List<Future<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                callers.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(thread);
                    running.countDown();
                    int done = 0;
                    while (true) {
                        try {
                            index.put("p", "id-" + thread + "-" + done, unit(random));
                            index.nearest("p", unit(random), 3);
                            done++;
                        } catch (ResourceClosedException closed) {
                            return done;
                        }
                    }
                }));
            }
            running.await();
            index.close();
            for (Future<Integer> caller : callers) {
                assertThat(caller.get()).isGreaterThanOrEqualTo(0);
            }
            assertThatThrownBy(() -> index.nearest("p", unit(new SplittableRandom(9)), 1)).isInstanceOf(ResourceClosedException.class);
        } finally {
            pool.shutdownNow();
            index.close();
        }
    }

    private static float[] unit(SplittableRandom random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
