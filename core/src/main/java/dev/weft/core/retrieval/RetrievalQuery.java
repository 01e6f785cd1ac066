package dev.weft.core.retrieval;

import dev.weft.core.internal.Preconditions;

/**
 * What to retrieve.
 *
 * @param text the query in natural language
 * @param topK how many chunks at most, >= 1
 * @param filter a metadata condition, or null for none
 */
public record RetrievalQuery(String text, int topK, Filter filter) {
    public RetrievalQuery {
        Preconditions.notBlank(text, "text");
        Preconditions.check(topK >= 1, "topK must be >= 1, was " + topK);
    }

    /** The best {@code topK} chunks for {@code text}, unfiltered. */
    public static RetrievalQuery of(String text, int topK) {
        return new RetrievalQuery(text, topK, null);
    }
}
