package dev.weft.core.cache;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import java.util.List;

/** {@link HitVerifier#embedding}: a second embedding model's cosine on (query, cached turn). Thread-safe as the model is. */
record EmbeddingVerifier(EmbeddingModel model, double minCosine) implements HitVerifier {

    @Override
    public boolean accepts(Candidate candidate) {
        List<Embedding> both = model.embed(List.of(candidate.query(), candidate.cached())).embeddings();
        if (both.size() != 2) {
            throw new InvalidModelResponseException("Embedding model " + model.info().id()
                    + " did not return two embeddings for two texts; the semantic cache cannot verify the hit",
                    both.size() + " embeddings");
        }
        float[] query = UnitVectors.normalised(both.get(0).vector());
        float[] cached = UnitVectors.normalised(both.get(1).vector());
        return query != null && cached != null && query.length == cached.length
                && UnitVectors.dot(query, cached) >= minCosine;
    }
}
