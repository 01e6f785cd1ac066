package dev.weft.rag.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * The searcher of one point-in-time view of a {@link LuceneStore}, with the facts about that view that every query
 * would otherwise look up again: whether it holds chunks with all-zero vectors (kept out of the HNSW graph).
 */
final class ChunkSearcher extends IndexSearcher {
    private final boolean hasZeroVectors;

    ChunkSearcher(IndexReader reader) {
        super(reader);
        try {
            this.hasZeroVectors = reader.docFreq(new Term(ChunkDocuments.ZERO_VECTOR, "true")) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this view holds chunks whose vector is all zeros. */
    boolean hasZeroVectors() {
        return hasZeroVectors;
    }
}
