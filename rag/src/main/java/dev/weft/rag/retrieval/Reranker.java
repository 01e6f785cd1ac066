package dev.weft.rag.retrieval;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ScoringModel;
import dev.weft.core.model.ScoringResponse;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Second-stage reranking: takes the top {@code candidates} chunks of another retriever and reorders them by a
 * {@link ScoringModel} (a cross-encoder reading query and chunk together), keeping the query's {@code topK}. A
 * chunk's score becomes the model's; equal model scores keep the first stage's order. Thread-safe when the
 * retriever and model are.
 *
 * <pre>{@code
 * Retriever reranked = Reranker.builder(hybrid, crossEncoder).candidates(50).build();
 * }</pre>
 */
public final class Reranker implements Retriever {
    private final Retriever firstStage;
    private final ScoringModel model;
    private final int candidates;

    private Reranker(Builder b) {
        this.firstStage = b.firstStage;
        this.model = b.model;
        this.candidates = b.candidates;
    }

    /** A builder reranking what {@code firstStage} retrieves with {@code model}. */
    public static Builder builder(Retriever firstStage, ScoringModel model) {
        return new Builder(firstStage, model);
    }

    @Override
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        Preconditions.notNull(query, "query");
        List<RetrievedChunk> pool = firstStage.retrieve(
                new RetrievalQuery(query.text(), Math.max(candidates, query.topK()), query.filter()));
        if (pool.isEmpty()) {
            return List.of();
        }
        ScoringResponse response = model.score(query.text(), pool.stream().map(RetrievedChunk::text).toList());
        List<Double> scores = response.scores();
        if (scores.size() != pool.size()) {
            throw new InvalidModelResponseException("scoring model " + model.info().id() + " returned " + scores.size()
                    + " scores for " + pool.size() + " candidates", scores.toString());
        }
        List<RetrievedChunk> rescored = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            RetrievedChunk c = pool.get(i);
            rescored.add(new RetrievedChunk(c.id(), c.text(), scores.get(i), c.metadata()));
        }
        rescored.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed()); // stable: ties keep first-stage order
        return List.copyOf(rescored.subList(0, Math.min(query.topK(), rescored.size())));
    }

    @Override
    public String toString() {
        return "Reranker[" + model.info().id() + " over " + firstStage + ", candidates=" + candidates + "]";
    }

    /** Builds a {@link Reranker}. Not thread-safe. */
    public static final class Builder {
        private final Retriever firstStage;
        private final ScoringModel model;
        private int candidates = 50;

        private Builder(Retriever firstStage, ScoringModel model) {
            this.firstStage = firstStage;
            this.model = model;
        }

        /** How many first-stage chunks the model scores (at least the query's topK); 50 by default. */
        public Builder candidates(int candidates) {
            this.candidates = candidates;
            return this;
        }

        public Reranker build() {
            Preconditions.notNull(firstStage, "Reranker.builder(firstStage, ..)");
            Preconditions.notNull(model, "Reranker.builder(.., model)");
            Preconditions.check(candidates >= 1, "Reranker.builder().candidates(..) must be >= 1, was " + candidates);
            return new Reranker(this);
        }
    }
}
