package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The provided {@link HitVerifier}s, over test doubles: {@link WordOverlapScoringModel} for a cross-encoder and
 * {@link BagOfWordsEmbeddingModel} for a second embedding model.
 */
class HitVerifierTest {
    private static final HitVerifier.Candidate CAPITALS =
            new HitVerifier.Candidate("what is the capital of France", "what is the capital city of France", 0.95f);

    private final WordOverlapScoringModel scorer = new WordOverlapScoringModel();

    @Test
    void scoringAcceptsAtOrAboveTheMinimumScoreInclusive() {
        double score = WordOverlapScoringModel.jaccard(CAPITALS.query(), CAPITALS.cached()); // 6 of 7 words

        assertThat(HitVerifier.scoring(scorer, score).accepts(CAPITALS)).isTrue();
        assertThat(HitVerifier.scoring(scorer, Math.nextUp(score)).accepts(CAPITALS)).isFalse();
        assertThat(scorer.calls()).isEqualTo(2);
    }

    @Test
    void scoringRejectsAModelThatDoesNotAnswerOneNumber() {
        HitVerifier verifier = HitVerifier.scoring(scorer, 0.5);
        List<Double> nan = List.of(Double.NaN);
        for (List<Double> bad : List.of(List.<Double>of(), List.of(0.9, 0.9), nan)) {
            scorer.answerWith(candidates -> bad);
            assertThatThrownBy(() -> verifier.accepts(CAPITALS))
                    .isInstanceOf(InvalidModelResponseException.class)
                    .hasMessageContaining("word-overlap");
        }
    }

    @Test
    void embeddingAcceptsWhenTheSecondModelsCosineReachesTheMinimum() {
        BagOfWordsEmbeddingModel second = new BagOfWordsEmbeddingModel(4096);
        HitVerifier.Candidate reordered = new HitVerifier.Candidate("Why do Poles dislike Russians?", "Why do Russians dislike Poles?", 0.99f);

        assertThat(HitVerifier.embedding(second, 0.999).accepts(reordered)).isTrue(); // a bag of words cannot see order
        assertThat(HitVerifier.embedding(second, 0.95).accepts(CAPITALS)).isFalse(); // 6/sqrt(6*7) = 0.926
        assertThat(HitVerifier.embedding(second, 0.9).accepts(CAPITALS)).isTrue();
        assertThat(second.calls()).isEqualTo(3); // both texts in one call
    }

    @Test
    void embeddingRejectsATextWithoutWords() {
        BagOfWordsEmbeddingModel second = new BagOfWordsEmbeddingModel();

        assertThat(HitVerifier.embedding(second, -1).accepts(new HitVerifier.Candidate("?!", "what", 0.9f))).isFalse();
    }

    @Test
    void embeddingValidatesItsMinimum() {
        BagOfWordsEmbeddingModel second = new BagOfWordsEmbeddingModel();

        assertThatThrownBy(() -> HitVerifier.embedding(second, 1.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minCosine");
        assertThatThrownBy(() -> HitVerifier.embedding(null, 0.9))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> HitVerifier.scoring(null, 0.9))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model");
        // NaN compares false with every score: the verifier would veto every hit and the cache would silently stop hitting
        assertThatThrownBy(() -> HitVerifier.scoring(scorer, Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minScore");
        assertThatThrownBy(() -> HitVerifier.embedding(second, Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minCosine");
    }

    @Test
    void andAsksTheSecondOnlyWhenTheFirstAccepts() {
        AtomicInteger asked = new AtomicInteger();
        HitVerifier counting = c -> asked.incrementAndGet() > 0;
        HitVerifier no = c -> false;
        HitVerifier yes = c -> true;

        assertThat(no.and(counting).accepts(CAPITALS)).isFalse();
        assertThat(asked).hasValue(0);
        assertThat(yes.and(counting).accepts(CAPITALS)).isTrue();
        assertThat(asked).hasValue(1);
        assertThat(yes.and(no).accepts(CAPITALS)).isFalse();
    }

    @Test
    void aScoringVerifierInACacheTurnsALowScoringNeighbourIntoAMiss() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        SemanticCache cache = SemanticCache.builder(new BagOfWordsEmbeddingModel()).threshold(0.9)
                .verifier(HitVerifier.scoring(scorer, 0.9)).build();
        ChatModel cached = ChatPipeline.over(model).with(cache).build();

        List<String> answers = new ArrayList<>();
        for (String q : List.of(CAPITALS.cached(), CAPITALS.query(), "France is what the capital city of")) {
            answers.add(cached.chat(ChatRequest.of(q)).text());
        }

        // 6 of 7 words shared: cosine 0.926 passes the threshold, Jaccard 0.857 fails the verifier; same words: both pass.
        assertThat(answers).containsExactly("echo: " + CAPITALS.cached(), "echo: " + CAPITALS.query(), "echo: " + CAPITALS.cached());
        assertThat(cache.metrics().verifierRejections()).isEqualTo(1);
    }
}
