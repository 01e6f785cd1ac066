package dev.weft.core.retrieval;

import java.util.List;

/**
 * The optional full-text capability of a {@link VectorStore}, reached through {@link VectorStore#fullText()}.
 * Thread-safe.
 */
public interface FullTextSearch {

    /** The best {@code query.topK()} chunks for {@code query.text()}, best first, filtered inside the search. */
    List<SearchHit> search(TextQuery query);
}
