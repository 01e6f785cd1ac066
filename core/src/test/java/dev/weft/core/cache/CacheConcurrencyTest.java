package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Both caches under concurrent calls: no answer reaches the wrong request, the counts add up, the index stays in step. */
class CacheConcurrencyTest {
    private static final int THREADS = 4;
    private static final int CALLS = 300;
    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        "india", "juliet", "kilo", "lima"};

    @Test
    void exactCacheAnswersEachRequestWithItsOwnAnswer() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ExactCache cache = ExactCache.builder().maximumSize(5).executor(Runnable::run).build();
        ChatModel cached = ChatPipeline.over(model).with(cache).build();

        List<String> wrong = run(i -> {
            String q = WORDS[i % WORDS.length] + " question";
            ChatResponse r = cached.chat(ChatRequest.of(q));
            return r.text().equals("echo: " + q) ? null : q + " -> " + r.text();
        });

        ExactCacheMetrics m = cache.metrics();
        assertThat(wrong).isEmpty();
        assertThat(m.hits() + m.misses()).isEqualTo((long) THREADS * CALLS);
        assertThat(model.chatRequests()).hasSize((int) m.misses());
    }

    @Test
    void semanticCacheKeepsItsIndexInStepWithItsEntries() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        VectorIndex index = VectorIndex.inMemory();
        SemanticCache cache = SemanticCache.builder(new BagOfWordsEmbeddingModel()).index(index).maximumSize(5)
                .executor(Runnable::run).build();
        ChatModel cached = ChatPipeline.over(model).with(cache).build();

        List<String> wrong = run(i -> {
            String word = WORDS[i % WORDS.length];
            String q = i % 2 == 0 ? "tell me about " + word : word + " tell me about"; // the same words, reordered
            ChatResponse r = cached.chat(ChatRequest.of(q));
            return r.text().contains(word) ? null : q + " -> " + r.text();
        });
        cache.cleanUp();

        SemanticCacheMetrics m = cache.metrics();
        assertThat(wrong).isEmpty();
        assertThat(m.hits() + m.misses()).isEqualTo((long) THREADS * CALLS);
        assertThat(index.size()).isEqualTo(m.entries()).isLessThanOrEqualTo(5);
        assertThat(m.stores() - m.evictions()).isEqualTo(m.entries());
    }

    private interface Call {
        /** Null when call {@code i} was answered right, otherwise what went wrong. */
        String run(int i);
    }

    private static List<String> run(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<List<String>> worker = () -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < CALLS; i++) {
                        String problem = call.run(i * THREADS + offset);
                        if (problem != null) {
                            wrong.add(problem);
                        }
                    }
                    return wrong;
                };
                futures.add(pool.submit(worker));
            }
            start.countDown();
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                wrong.addAll(f.get());
            }
            return wrong;
        } finally {
            pool.shutdownNow();
        }
    }
}
