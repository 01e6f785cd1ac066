package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.testing.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SemanticCache} entries: which answers are stored, how failures are contained, and how eviction and
 * invalidation keep the index in step with the cache. Embeddings from {@link BagOfWordsEmbeddingModel}.
 */
class SemanticCacheStorageTest {
    private static final String QUESTION = "what is the capital of France";

    private final BagOfWordsEmbeddingModel embedder = new BagOfWordsEmbeddingModel();
    private final ScriptedChatModel model = ScriptedChatModel.named("m");
    private final VectorIndex index = VectorIndex.inMemory();
    private final ManualTicker ticker = new ManualTicker();

    private SemanticCache.Builder cache() {
        return SemanticCache.builder(embedder).index(index).ticker(ticker).executor(Runnable::run);
    }

    private ChatModel over(SemanticCache cache) {
        return ChatPipeline.over(model).with(cache).build();
    }

    @ParameterizedTest
    @EnumSource(value = FinishReason.class, names = {"TOOL_CALLS", "STOP"})
    void toolCallAnswersAreNeverStoredWhateverTheirFinishReason(FinishReason reason) {
        SemanticCache cache = cache().build();
        ChatResponse toolCall = Answers.toolCall(reason, model.info());
        model.thenAnswer(toolCall).thenAnswer(toolCall);

        over(cache).chat(ChatRequest.of("weather in Paris"));
        over(cache).chat(ChatRequest.of("weather in Paris"));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics().stores()).isZero();
        assertThat(index.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = FinishReason.class, names = {"LENGTH", "CONTENT_FILTER", "CANCELLED", "OTHER"})
    void answersThatDidNotFinishCleanlyAreNotStored(FinishReason reason) {
        SemanticCache cache = cache().build();
        ChatResponse unfinished = Answers.finishing("Par", reason, model.info());
        model.thenAnswer(unfinished).thenAnswer(unfinished);

        over(cache).chat(ChatRequest.of(QUESTION));
        over(cache).chat(ChatRequest.of(QUESTION));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(index.size()).isZero();
    }

    @Test
    void failedCallsAreNotStored() {
        SemanticCache cache = cache().build();
        model.thenThrow(new ModelUnavailableException("503 from upstream"));

        assertThat(catchThrowable(() -> over(cache).chat(ChatRequest.of(QUESTION)))).isInstanceOf(ModelUnavailableException.class);
        over(cache).chat(ChatRequest.of(QUESTION));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics()).extracting(SemanticCacheMetrics::misses, SemanticCacheMetrics::stores).containsExactly(2L, 1L);
    }

    @Test
    void aFailingEmbeddingModelDoesNotFailTheCall() {
        SemanticCache cache = cache().build();
        embedder.failWith(new ModelUnavailableException("embedding service down"));

        assertThat(over(cache).chat(ChatRequest.of(QUESTION)).text()).isEqualTo("echo: " + QUESTION);

        assertThat(cache.metrics()).extracting(SemanticCacheMetrics::lookupFailures, SemanticCacheMetrics::misses,
                SemanticCacheMetrics::stores).containsExactly(1L, 0L, 0L);
    }

    @Test
    void aClosedIndexDoesNotFailTheCall() {
        SemanticCache cache = cache().build();
        index.close();

        assertThat(over(cache).chat(ChatRequest.of(QUESTION)).text()).isEqualTo("echo: " + QUESTION);
        assertThat(cache.metrics().lookupFailures()).isOne();
    }

    @Test
    void anIndexThatRefusesTheVectorLosesTheEntryNotTheAnswer() {
        SemanticCache cache = SemanticCache.builder(embedder).index(VectorIndex.inMemory(3)).build(); // wrong dimension

        assertThat(over(cache).chat(ChatRequest.of(QUESTION)).text()).isEqualTo("echo: " + QUESTION);
        assertThat(cache.metrics()).extracting(SemanticCacheMetrics::misses, SemanticCacheMetrics::stores,
                SemanticCacheMetrics::storeFailures).containsExactly(1L, 0L, 1L);
    }

    @Test
    void entriesExpireTheirTimeToLiveAfterBeingStoredAndLeaveTheIndex() {
        SemanticCache cache = cache().expireAfterWrite(Duration.ofMinutes(10)).build();
        over(cache).chat(ChatRequest.of(QUESTION));

        ticker.advance(Duration.ofMinutes(10).minusNanos(1));
        over(cache).chat(ChatRequest.of("the capital of France is what"));
        assertThat(model.chatRequests()).hasSize(1);

        ticker.advance(Duration.ofNanos(1));
        cache.cleanUp();
        assertThat(index.size()).isZero();
        assertThat(cache.metrics().evictions()).isOne();

        over(cache).chat(ChatRequest.of("the capital of France is what"));
        assertThat(model.chatRequests()).hasSize(2);
    }

    @Test
    void anExpiredEntryIsNotServedEvenBeforeTheCacheRemovesIt() {
        SemanticCache cache = SemanticCache.builder(embedder).index(index).ticker(ticker)
                .executor(task -> {}) // maintenance never runs on its own
                .expireAfterWrite(Duration.ofMinutes(10)).build();
        over(cache).chat(ChatRequest.of(QUESTION));

        ticker.advance(Duration.ofMinutes(10));
        over(cache).chat(ChatRequest.of(QUESTION));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(index.size()).isOne(); // the stale vector was dropped when met; the new answer's is there
    }

    @Test
    void theNumberOfEntriesAndVectorsStaysWithinTheMaximumSize() {
        SemanticCache cache = cache().maximumSize(2).build();
        String[] questions = {"alpha one", "bravo two", "charlie three", "delta four", "echo five", "foxtrot six"};
        for (String q : questions) {
            over(cache).chat(ChatRequest.of(q));
        }
        cache.cleanUp();

        SemanticCacheMetrics m = cache.metrics();
        assertThat(m.stores()).isEqualTo(6);
        assertThat(m.entries()).isEqualTo(2);
        assertThat(index.size()).isEqualTo(2);
        assertThat(m.evictions()).isEqualTo(4);
    }

    @Test
    void tenantsNeverShareEntries() {
        SemanticCache cache = cache().build();
        model.thenAnswer("for acme").thenAnswer("for globex");

        assertThat(over(cache).chat(forTenant("acme", QUESTION)).text()).isEqualTo("for acme");
        assertThat(over(cache).chat(forTenant("globex", QUESTION)).text()).isEqualTo("for globex");
        assertThat(over(cache).chat(forTenant("acme", "the capital of France is what")).text()).isEqualTo("for acme");
        assertThat(over(cache).chat(forTenant("globex", "the capital of France is what")).text()).isEqualTo("for globex");

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void invalidationRemovesEntriesFromTheIndexToo() {
        SemanticCache cache = cache().build();
        over(cache).chat(forTenant("acme", QUESTION));
        over(cache).chat(forTenant("globex", QUESTION));
        over(cache).chat(forTenant(null, QUESTION));

        cache.invalidateTenant("acme");
        assertThat(index.size()).isEqualTo(2);
        over(cache).chat(forTenant("acme", QUESTION));
        assertThat(model.chatRequests()).hasSize(4);

        cache.invalidateAll();
        assertThat(index.size()).isZero();
        assertThat(cache.metrics().entries()).isZero();
    }

    @Test
    void vectorsLeftInTheIndexByAnEarlierRunAreDroppedWhenMet() {
        over(cache().build()).chat(ChatRequest.of(QUESTION));
        assertThat(index.size()).isOne();

        SemanticCache restarted = cache().build(); // same index, empty cache: the old vector answers nothing
        over(restarted).chat(ChatRequest.of(QUESTION));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(restarted.metrics().misses()).isOne();
        assertThat(index.size()).isOne(); // the old vector is gone, the new one is there
    }

    private static ChatRequest forTenant(String tenant, String text) {
        return ChatRequest.builder().user(text).context(RequestContext.builder().tenantId(tenant).build()).build();
    }
}
