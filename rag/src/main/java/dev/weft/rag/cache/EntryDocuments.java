package dev.weft.rag.cache;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of one cache entry. Nothing is stored; everything a lookup needs is indexed:
 *
 * <ul>
 *   <li>{@code id}: a {@link StringField} (the key that replaces and removes an entry) and a
 *       {@link SortedDocValuesField} (how a hit's id is read back, without touching stored fields);</li>
 *   <li>{@code partition}: a {@link StringField}, the term a lookup filters on inside the vector search;</li>
 *   <li>{@code vector}: a {@link KnnFloatVectorField} of the unit-length vector, compared by
 *       {@link VectorSimilarityFunction#DOT_PRODUCT}, which on unit vectors is the cosine.</li>
 * </ul>
 */
final class EntryDocuments {
    static final String ID = "id";
    static final String PARTITION = "partition";
    static final String VECTOR = "vector";
    static final VectorSimilarityFunction FUNCTION = VectorSimilarityFunction.DOT_PRODUCT;

    private EntryDocuments() {}

    static Document toDocument(String partition, String id, float[] unitVector) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new StringField(PARTITION, partition, Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, unitVector, FUNCTION));
        return doc;
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    static Term partitionTerm(String partition) {
        return new Term(PARTITION, partition);
    }

    /** Lucene's {@code DOT_PRODUCT} score, {@code max(0, (1 + cos) / 2)}, back on the cosine scale. */
    static float similarity(float luceneScore) {
        return Math.clamp(2 * luceneScore - 1, -1f, 1f);
    }
}
