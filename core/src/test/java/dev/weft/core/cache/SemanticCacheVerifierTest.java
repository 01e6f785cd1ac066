package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link SemanticCache} with a {@link HitVerifier}: candidates are offered nearest first, the first accepted one
 * answers, rejections are counted, and a verifier that throws never fails the call. Embeddings from
 * {@link BagOfWordsEmbeddingModel}, a test double.
 */
class SemanticCacheVerifierTest {
    private static final String QUESTION = "what is the capital of France";

    private final BagOfWordsEmbeddingModel embedder = new BagOfWordsEmbeddingModel();
    private final ScriptedChatModel model = ScriptedChatModel.named("m");
    private final List<HitVerifier.Candidate> offered = new CopyOnWriteArrayList<>();

    private ChatModel over(SemanticCache cache) {
        return ChatPipeline.over(model).with(cache).build();
    }

    /** A verifier that records what it is offered and accepts cached turns not containing {@code veto}. */
    private HitVerifier vetoing(String veto) {
        return candidate -> {
            offered.add(candidate);
            return !candidate.cached().contains(veto);
        };
    }

    @Test
    void theVerifierSeesBothNormalisedTurnsAndTheSimilarity() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.9).verifier(vetoing("\u0000")).build();
        over(cache).chat(ChatRequest.of(QUESTION));

        ChatResponse hit = over(cache).chat(ChatRequest.of("  the capital\tof France is   what "));

        assertThat(hit.text()).isEqualTo("echo: " + QUESTION);
        assertThat(offered).singleElement().satisfies(c -> {
            assertThat(c.query()).isEqualTo("the capital of France is what");
            assertThat(c.cached()).isEqualTo(QUESTION);
            assertThat(c.similarity()).isGreaterThanOrEqualTo(0.9999f);
        });
        assertThat(cache.metrics().verifierRejections()).isZero();
    }

    @Test
    void aRejectedNearestCandidateGivesWayToTheNextOneAboveTheThreshold() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.8).verifier(vetoing("city")).build();
        over(cache).chat(ChatRequest.of("what is the capital city of France")); // nearest to the probe: vetoed
        over(cache).chat(ChatRequest.of("what is the capital of France today")); // next nearest: accepted
        offered.clear();

        ChatResponse hit = over(cache).chat(ChatRequest.of(QUESTION));

        assertThat(hit.text()).isEqualTo("echo: what is the capital of France today");
        assertThat(offered).extracting(HitVerifier.Candidate::cached)
                .containsExactly("what is the capital city of France", "what is the capital of France today");
        assertThat(offered.get(0).similarity()).isGreaterThanOrEqualTo(offered.get(1).similarity());
        assertThat(cache.metrics().hits()).isOne();
        assertThat(cache.metrics().verifierRejections()).isEqualTo(2); // one while storing the second entry, one now
    }

    @Test
    void whenEveryCandidateIsRejectedTheCallIsAMissAndItsAnswerIsStored() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.9).verifier(vetoing("capital")).build();
        over(cache).chat(ChatRequest.of(QUESTION));
        over(cache).chat(ChatRequest.of("the capital of France is what"));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics()).isEqualTo(new SemanticCacheMetrics(0, 2, 0, 0, 2, 0, 0, 2,
                TokenUsage.ZERO, 1));
    }

    @Test
    void aVerifierThatThrowsSendsTheCallToTheModelUncachedAndCountsALookupFailure() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.9).verifier(c -> {
            throw new IllegalStateException("verifier is down");
        }).build();
        over(cache).chat(ChatRequest.of(QUESTION));

        ChatResponse answer = over(cache).chat(ChatRequest.of("the capital of France is what"));

        assertThat(answer.text()).isEqualTo("echo: the capital of France is what");
        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics().lookupFailures()).isOne();
        assertThat(cache.metrics().stores()).isOne(); // a failed lookup stores nothing
    }

    @Test
    void aCandidateBelowTheThresholdIsNeverOffered() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.99).verifier(vetoing("\u0000")).build();
        over(cache).chat(ChatRequest.of(QUESTION));
        over(cache).chat(ChatRequest.of("what is the capital city of France"));

        assertThat(offered).isEmpty();
        assertThat(model.chatRequests()).hasSize(2);
    }

    @Test
    void lookupAppliesTheVerifierWithoutCounting() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.9).verifier(vetoing("capital")).build();
        over(cache).chat(ChatRequest.of(QUESTION));

        assertThat(cache.lookup(ChatRequest.of(QUESTION), model.info())).isEmpty();
        assertThat(offered).hasSize(1);
        assertThat(cache.metrics().verifierRejections()).isZero();
    }

    @Test
    void removingTheVerifierRestoresPlainMatching() {
        SemanticCache cache = SemanticCache.builder(embedder).threshold(0.9).verifier(vetoing("capital")).verifier(null).build();
        over(cache).chat(ChatRequest.of(QUESTION));
        over(cache).chat(ChatRequest.of(QUESTION));

        assertThat(model.chatRequests()).hasSize(1);
    }
}
