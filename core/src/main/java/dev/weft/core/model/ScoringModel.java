package dev.weft.core.model;

import java.util.List;

/** Scores how well each candidate answers a query, for reranking. Implementations are safe for concurrent use. */
public interface ScoringModel extends AutoCloseable {

    /** What this model is. */
    ModelInfo info();

    /** Scores each of {@code candidates} against {@code query}; one score per candidate, same order. */
    ScoringResponse score(String query, List<String> candidates);

    /** Frees what the model holds. Closing twice is harmless. */
    @Override
    default void close() {}
}
