package dev.weft.rag.retrieval;

import dev.weft.core.model.Capability;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.ScoringModel;
import dev.weft.core.model.ScoringResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A test stand-in for a cross-encoder, which Weft cannot run locally yet: scores each candidate by the cosine of
 * its embedding with the query's, from a real embedding model, one text at a time so that a score does not depend
 * on the other candidates. Real inference, but a bi-encoder's judgement.
 */
final class BiEncoderScoringModel implements ScoringModel {
    private final EmbeddingModel embedder;

    BiEncoderScoringModel(EmbeddingModel embedder) {
        this.embedder = embedder;
    }

    @Override
    public ModelInfo info() {
        return ModelInfo.builder("bi-encoder(" + embedder.info().id() + ")", "test").capabilities(Capability.SCORING).build();
    }

    @Override
    public ScoringResponse score(String query, List<String> candidates) {
        Embedding q = embedder.embed(query);
        List<Double> scores = new ArrayList<>();
        for (String candidate : candidates) {
            scores.add(q.cosine(embedder.embed(candidate))); // one at a time: a quantised model's vectors move with their batch-mates
        }
        return new ScoringResponse(scores, null);
    }
}
