package dev.weft.rag.lucene;

import java.io.IOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;

/**
 * Reads the full-precision vectors of one segment, for documents visited in increasing order. Quantised formats
 * keep the original floats beside the quantised copy, so this returns each vector exactly as it was stored. A
 * document without a vector (an all-zero vector under cosine) reads as zeros. Not thread-safe: one per search.
 */
final class LeafVectors {
    private final FloatVectorValues values;
    private final KnnVectorValues.DocIndexIterator iterator;
    private final int dimension;

    LeafVectors(LeafReader reader, int dimension) throws IOException {
        this.values = reader.getFloatVectorValues(ChunkDocuments.VECTOR);
        this.iterator = values == null ? null : values.iterator();
        this.dimension = dimension;
    }

    /** The vector of {@code doc}, a copy; {@code doc} must not be below the previous call's. */
    float[] get(int doc) throws IOException {
        if (iterator == null) {
            return new float[dimension];
        }
        int at = iterator.docID() < doc ? iterator.advance(doc) : iterator.docID();
        return at == doc ? values.vectorValue(iterator.index()).clone() : new float[dimension];
    }
}
