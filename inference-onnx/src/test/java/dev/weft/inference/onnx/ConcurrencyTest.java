package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent callers of one model get the vectors sequential calls get. */
class ConcurrencyTest {
    private static final int THREADS = 4;
    private static final int CALLS = 20;

    @Test
    void concurrentCallsGiveSequentialResults() throws Exception {
        OnnxEmbeddingModel model = SharedModels.miniLm();
        List<List<String>> inputs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            inputs.add(LangChain4jParityTest.TEXTS.subList(k * 4, k * 4 + 4));
        }
        List<List<Embedding>> expected = inputs.stream().map(in -> model.embed(in).embeddings()).toList();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int c = 0; c < CALLS; c++) {
                        int k = (thread + c) % inputs.size();
                        List<Embedding> got = model.embed(inputs.get(k)).embeddings();
                        for (int i = 0; i < got.size(); i++) {
                            assertThat(got.get(i).cosine(expected.get(k).get(i)))
                                    .as("thread %d call %d input %d text %d", thread, c, k, i)
                                    .isGreaterThanOrEqualTo(0.99999);
                            assertThat(got.get(i).tokenCount()).isEqualTo(expected.get(k).get(i).tokenCount());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }
}
