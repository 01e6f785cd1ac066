package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent callers of one model, mixing calls, streams and batches, greedy and seeded sampling, get the answers
 * they get one at a time: each request has its own cache and sampler.
 */
class ConcurrentGenerationTest {
    private static final int THREADS = 4;
    private static final int CALLS = 6;

    @Test
    void concurrentCallersGetTheAnswersTheyGetAlone() throws Exception {
        OnnxChatModel model = LanguageModels.microLm();
        Random random = new Random(2024);
        List<ChatRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(ChatRequest.builder().user(Prompts.prompt(random, 10))
                    .sampling(Sampling.builder().temperature(i % 2 == 0 ? 0.0 : 1.0).seed((long) i).maxTokens(20).build())
                    .build());
        }
        List<String> expected = requests.stream().map(r -> model.chat(r).text()).toList();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int c = 0; c < CALLS; c++) {
                        int k = (thread * CALLS + c) % requests.size();
                        String got = switch (c % 3) {
                            case 0 -> model.chat(requests.get(k)).text();
                            case 1 -> {
                                try (ChatStream stream = model.stream(requests.get(k))) {
                                    yield stream.response().text();
                                }
                            }
                            default -> model.chatBatch(List.of(requests.get(k))).getFirst().text();
                        };
                        assertThat(got).as("thread %d call %d request %d", thread, c, k).isEqualTo(expected.get(k));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(model.engine().liveGenerations()).isZero();
    }

    @Test
    void aSeedReproducesASampledAnswer() {
        ChatRequest request = ChatRequest.builder().user("Vitamin D")
                .sampling(Sampling.builder().temperature(1.0).topP(0.95).seed(11L).maxTokens(30).build()).build();
        ChatResponse first = LanguageModels.microLm().chat(request);
        ChatResponse second = LanguageModels.microLm().chat(request);
        assertThat(second.text()).isEqualTo(first.text());
    }
}
