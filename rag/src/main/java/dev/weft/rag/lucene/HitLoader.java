package dev.weft.rag.lucene;

import dev.weft.core.retrieval.StoredChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * Loads whole chunks (stored fields and full-precision vector) for documents of one searcher, or only their vectors
 * where a search must score candidates before it knows which of them it returns.
 */
final class HitLoader {
    private final int dimension;

    HitLoader(int dimension) {
        this.dimension = dimension;
    }

    /** The chunks of {@code docs} (global doc ids), in the order given. */
    List<StoredChunk> load(IndexSearcher searcher, int[] docs) throws IOException {
        Integer[] order = inDocOrder(docs);
        return load(searcher, docs, vectors(searcher, docs, order), order);
    }

    /** The chunks of {@code docs}, in the order given, whose vectors {@link #vectors} has already read. */
    List<StoredChunk> load(IndexSearcher searcher, int[] docs, float[][] vectors) throws IOException {
        return load(searcher, docs, vectors, inDocOrder(docs));
    }

    /** The full-precision vectors of {@code docs}, in the order given: copies, zeros for a document without one. */
    float[][] vectors(IndexSearcher searcher, int[] docs) throws IOException {
        return vectors(searcher, docs, inDocOrder(docs));
    }

    private List<StoredChunk> load(IndexSearcher searcher, int[] docs, float[][] vectors, Integer[] order) throws IOException {
        StoredChunk[] chunks = new StoredChunk[docs.length];
        StoredFields stored = searcher.storedFields();
        for (int i : order) {
            chunks[i] = ChunkDocuments.toChunk(stored.document(docs[i], ChunkDocuments.STORED), vectors[i]);
        }
        return new ArrayList<>(Arrays.asList(chunks));
    }

    private float[][] vectors(IndexSearcher searcher, int[] docs, Integer[] order) throws IOException {
        float[][] vectors = new float[docs.length][];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int currentLeaf = -1;
        LeafVectors leafVectors = null;
        for (int i : order) {
            int leaf = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext context = leaves.get(leaf);
            if (leaf != currentLeaf) {
                leafVectors = new LeafVectors(context.reader(), dimension);
                currentLeaf = leaf;
            }
            vectors[i] = leafVectors.get(docs[i] - context.docBase);
        }
        return vectors;
    }

    /** Positions of {@code docs} by increasing doc id: vectors are read forwards per segment, stored fields by block. */
    private static Integer[] inDocOrder(int[] docs) {
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a], docs[b]));
        return byDoc;
    }
}
