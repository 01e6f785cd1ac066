package dev.weft.rag.retrieval;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Diversification by maximal marginal relevance: takes the top {@code candidates} chunks of another retriever and
 * picks the query's {@code topK} of them one by one, each time the chunk with the best
 * {@code lambda * relevance - (1 - lambda) * redundancy}, where redundancy is its highest cosine similarity (floored
 * at 0) with the chunks already picked, computed on the vectors the store holds. Keeps near-duplicates from
 * filling a context window. Works on any store. Thread-safe when the retriever, store and model are.
 *
 * <p>Relevance is, with a {@linkplain Builder#queryEmbedder query embedder}, the cosine between the query and the
 * chunk: classic MMR, both terms on one scale, the choice after dense or hybrid retrieval. Without one it is the
 * upstream score min-max normalised over the candidates, which keeps a reranker's judgement; since that stretches
 * the gaps between scores, the same diversity then takes a lower lambda. Either way {@code lambda = 1} orders by
 * relevance, ties keeping the upstream order; the picked chunks' scores are their marginal values.
 *
 * <pre>{@code
 * Retriever diverse = MmrRetriever.builder(hybrid, store).queryEmbedder(embedder).lambda(0.5).candidates(30).build();
 * }</pre>
 */
public final class MmrRetriever implements Retriever {
    private final Retriever firstStage;
    private final VectorStore store;
    private final EmbeddingModel queryEmbedder;
    private final double lambda;
    private final int candidates;

    private MmrRetriever(Builder b) {
        this.firstStage = b.firstStage;
        this.store = b.store;
        this.queryEmbedder = b.queryEmbedder;
        this.lambda = b.lambda;
        this.candidates = b.candidates;
    }

    /** A builder diversifying what {@code firstStage} retrieves, with vectors read from {@code store}. */
    public static Builder builder(Retriever firstStage, VectorStore store) {
        return new Builder(firstStage, store);
    }

    @Override
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        Preconditions.notNull(query, "query");
        List<RetrievedChunk> pool = firstStage.retrieve(
                new RetrievalQuery(query.text(), Math.max(candidates, query.topK()), query.filter()));
        List<float[]> vectors = new ArrayList<>(pool.size());
        for (RetrievedChunk c : pool) {
            vectors.add(store.get(c.id()).map(StoredChunk::vector).orElse(null)); // deleted meanwhile: no redundancy
        }
        return MaximalMarginalRelevance.select(pool, relevance(query.text(), pool, vectors), vectors, lambda, query.topK());
    }

    private double[] relevance(String query, List<RetrievedChunk> pool, List<float[]> vectors) {
        if (queryEmbedder == null) {
            return MaximalMarginalRelevance.normalisedScores(pool);
        }
        float[] q = queryEmbedder.embed(query).vector();
        double[] relevance = new double[pool.size()];
        for (int i = 0; i < relevance.length; i++) {
            relevance[i] = vectors.get(i) == null ? 0 : Similarity.COSINE.compute(q, vectors.get(i));
        }
        return relevance;
    }

    @Override
    public String toString() {
        return "MmrRetriever[lambda=" + lambda + " over " + firstStage + ", candidates=" + candidates
                + (queryEmbedder == null ? ", relevance=upstream scores" : ", relevance=cosine with the query") + "]";
    }

    /** Builds an {@link MmrRetriever}. Not thread-safe. */
    public static final class Builder {
        private final Retriever firstStage;
        private final VectorStore store;
        private EmbeddingModel queryEmbedder;
        private double lambda = 0.5;
        private int candidates = 30;

        private Builder(Retriever firstStage, VectorStore store) {
            this.firstStage = firstStage;
            this.store = store;
        }

        /**
         * Measures relevance as the cosine between the query, embedded with {@code embedder} (the model the store
         * was filled with), and each chunk; without it, relevance is the normalised upstream score.
         */
        public Builder queryEmbedder(EmbeddingModel embedder) {
            this.queryEmbedder = embedder;
            return this;
        }

        /** Relevance's weight against redundancy, 0 to 1; 0.5 by default, 1 orders by relevance alone. */
        public Builder lambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        /** How many upstream chunks to choose from (at least the query's topK); 30 by default. */
        public Builder candidates(int candidates) {
            this.candidates = candidates;
            return this;
        }

        public MmrRetriever build() {
            Preconditions.notNull(firstStage, "MmrRetriever.builder(firstStage, ..)");
            Preconditions.notNull(store, "MmrRetriever.builder(.., store)");
            Preconditions.check(lambda >= 0 && lambda <= 1, "MmrRetriever.builder().lambda(..) must be 0 to 1, was " + lambda);
            Preconditions.check(candidates >= 1, "MmrRetriever.builder().candidates(..) must be >= 1, was " + candidates);
            if (queryEmbedder != null && queryEmbedder.dimension() != store.dimension()) {
                throw new InvalidInputException("MmrRetriever.builder().queryEmbedder(..) gives vectors of dimension "
                        + queryEmbedder.dimension() + " but the store holds dimension " + store.dimension());
            }
            return new MmrRetriever(this);
        }
    }
}
