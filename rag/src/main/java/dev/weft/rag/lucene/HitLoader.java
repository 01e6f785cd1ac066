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

/** Loads whole chunks (stored fields and full-precision vector) for documents of one searcher. */
final class HitLoader {
    private final int dimension;

    HitLoader(int dimension) {
        this.dimension = dimension;
    }

    /** The chunks of {@code docs} (global doc ids), in the order given. */
    List<StoredChunk> load(IndexSearcher searcher, int[] docs) throws IOException {
        StoredChunk[] chunks = new StoredChunk[docs.length];
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a], docs[b])); // vectors are read forwards per segment
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        StoredFields stored = searcher.storedFields();
        int currentLeaf = -1;
        LeafVectors vectors = null;
        for (int i : byDoc) {
            int doc = docs[i];
            int leaf = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext context = leaves.get(leaf);
            if (leaf != currentLeaf) {
                vectors = new LeafVectors(context.reader(), dimension);
                currentLeaf = leaf;
            }
            float[] vector = vectors.get(doc - context.docBase);
            chunks[i] = ChunkDocuments.toChunk(stored.document(doc, ChunkDocuments.STORED), vector);
        }
        return new ArrayList<>(Arrays.asList(chunks));
    }
}
