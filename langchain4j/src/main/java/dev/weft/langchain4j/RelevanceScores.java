package dev.weft.langchain4j;

/**
 * Converts between the two score scales of vector search. Weft's stores score a hit by cosine similarity, in
 * [-1, 1]; LangChain4j's {@code EmbeddingStore}s score it by relevance, {@code (cosine + 1) / 2}, in [0, 1]
 * (LangChain4j's {@code RelevanceScore.fromCosineSimilarity}), and take their {@code minScore} on that scale. The
 * bridges convert with these functions in both directions: {@link LangChain4jVectorStore} turns its store's
 * relevance back into cosine, and {@link WeftEmbeddingStore} reports Weft's cosine as relevance. For a Weft store
 * using the dot product the same formula is applied, which is exact for unit vectors (where the dot product is the
 * cosine). Both functions are monotonic, so rankings never change. Stateless and thread-safe.
 *
 * <pre>{@code
 * double relevance = RelevanceScores.toRelevance(0.8);   // 0.9
 * double cosine = RelevanceScores.toCosine(0.9);         // 0.8
 * }</pre>
 */
public final class RelevanceScores {
    private RelevanceScores() {}

    /** LangChain4j's relevance for a cosine similarity: {@code (cosine + 1) / 2}. */
    public static double toRelevance(double cosine) {
        return (cosine + 1) / 2;
    }

    /** The cosine similarity for a LangChain4j relevance score: {@code 2 * relevance - 1}. */
    public static double toCosine(double relevance) {
        return 2 * relevance - 1;
    }
}
