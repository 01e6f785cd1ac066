package dev.weft.core.retrieval;

import dev.weft.core.internal.Preconditions;

/**
 * A full-text (BM25) query.
 *
 * @param text the query text, analysed by the store
 * @param topK how many hits at most, >= 1
 * @param filter a condition applied inside the search, or null for none
 */
public record TextQuery(String text, int topK, Filter filter) {
    public TextQuery {
        Preconditions.notNull(text, "text");
        Preconditions.check(topK >= 1, "topK must be >= 1, was " + topK);
    }
}
