package dev.weft.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.ScoringModel;
import dev.weft.core.model.ScoringResponse;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Reranker}'s contract with its scoring model, with a scripted model (a test double: the scores are the
 * point here, not the model) over a first stage with a fixed result.
 */
class RerankerTest {
    private static final List<RetrievedChunk> FIRST_STAGE = List.of(
            Rankings.chunk("a", 5), Rankings.chunk("b", 4), Rankings.chunk("c", 3), Rankings.chunk("d", 2));

    /** A test double: a scoring model whose scores are a function of the candidates. */
    private record ScriptedScoringModel(Function<List<String>, List<Double>> script) implements ScoringModel {
        @Override
        public ModelInfo info() {
            return ModelInfo.builder("scripted", "test").capabilities(Capability.SCORING).build();
        }

        @Override
        public ScoringResponse score(String query, List<String> candidates) {
            return new ScoringResponse(script.apply(candidates), null);
        }
    }

    private final List<RetrievalQuery> firstStageQueries = new ArrayList<>();
    private final Retriever firstStage = query -> {
        firstStageQueries.add(query);
        return FIRST_STAGE.subList(0, Math.min(query.topK(), FIRST_STAGE.size()));
    };

    @Test
    void reordersByModelScoreAndKeepsTopK() {
        ScoringModel model = new ScriptedScoringModel(texts -> texts.stream().map(t -> t.endsWith("c") ? 9.0 : t.endsWith("a") ? 1.0 : 0.0).toList());
        List<RetrievedChunk> reranked = Reranker.builder(firstStage, model).candidates(4).build().retrieve(RetrievalQuery.of("q", 2));

        assertThat(reranked).extracting(RetrievedChunk::id).containsExactly("c", "a");
        assertThat(reranked).extracting(RetrievedChunk::score).containsExactly(9.0, 1.0);
        assertThat(firstStageQueries).singleElement().extracting(RetrievalQuery::topK).isEqualTo(4);
    }

    @Test
    void equalModelScoresKeepTheFirstStageOrder() {
        ScoringModel flat = new ScriptedScoringModel(texts -> texts.stream().map(t -> 0.5).toList());
        assertThat(Reranker.builder(firstStage, flat).candidates(3).build().retrieve(RetrievalQuery.of("q", 3)))
                .extracting(RetrievedChunk::id).containsExactly("a", "b", "c");
    }

    @Test
    void asksTheFirstStageForAtLeastTopK() {
        ScoringModel flat = new ScriptedScoringModel(texts -> texts.stream().map(t -> 0.5).toList());
        Reranker.builder(firstStage, flat).candidates(2).build().retrieve(RetrievalQuery.of("q", 3));
        assertThat(firstStageQueries).singleElement().extracting(RetrievalQuery::topK).isEqualTo(3);
    }

    @Test
    void aModelReturningTheWrongNumberOfScoresIsAnInvalidResponse() {
        ScoringModel short1 = new ScriptedScoringModel(texts -> List.of(1.0));
        assertThatThrownBy(() -> Reranker.builder(firstStage, short1).build().retrieve(RetrievalQuery.of("q", 2)))
                .isInstanceOf(InvalidModelResponseException.class).hasMessageContaining("1 scores for 4 candidates");
    }
}
