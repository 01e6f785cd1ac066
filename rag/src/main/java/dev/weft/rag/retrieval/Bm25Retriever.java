package dev.weft.rag.retrieval;

import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.FullTextSearch;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import dev.weft.core.retrieval.TextQuery;
import dev.weft.core.retrieval.VectorStore;
import java.util.List;

/**
 * Full-text (BM25) retrieval through a store's {@link VectorStore#fullText()} capability, with the query's filter
 * applied inside the search. Scores are the store's BM25 scores. Thread-safe when the store is.
 *
 * <pre>{@code
 * Retriever sparse = Bm25Retriever.over(luceneStore);
 * }</pre>
 */
public final class Bm25Retriever implements Retriever {
    private final FullTextSearch fullText;
    private final String storeName;

    private Bm25Retriever(FullTextSearch fullText, String storeName) {
        this.fullText = fullText;
        this.storeName = storeName;
    }

    /**
     * A BM25 retriever over {@code store}.
     *
     * @throws UnsupportedCapabilityException if the store offers no full-text search
     */
    public static Bm25Retriever over(VectorStore store) {
        Preconditions.notNull(store, "store");
        FullTextSearch fullText = store.fullText().orElseThrow(() -> new UnsupportedCapabilityException(
                store + " offers no full-text search, so BM25 retrieval cannot run on it; use a store with it "
                        + "(LuceneStore) or retrieve with a VectorRetriever alone"));
        return new Bm25Retriever(fullText, store.toString());
    }

    @Override
    public List<RetrievedChunk> retrieve(RetrievalQuery query) {
        Preconditions.notNull(query, "query");
        return fullText.search(new TextQuery(query.text(), query.topK(), query.filter())).stream()
                .map(RetrievedChunk::of)
                .toList();
    }

    @Override
    public String toString() {
        return "Bm25Retriever[" + storeName + "]";
    }
}
