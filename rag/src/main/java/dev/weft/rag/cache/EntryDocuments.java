package dev.weft.rag.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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
 *   <li>either, in the graph all partitions share, {@code partition}: a {@link StringField}, the term a lookup
 *       filters on inside the vector search, and {@code vector}: a {@link KnnFloatVectorField} of the unit-length
 *       vector, compared by {@link VectorSimilarityFunction#DOT_PRODUCT}, which on unit vectors is the cosine;</li>
 *   <li>or, in a partition's own graph, only the vector, in the field {@link #ownGraphField(String)} names: every
 *       document with that field belongs to the partition, so its search needs no filter.</li>
 * </ul>
 */
final class EntryDocuments {
    static final String ID = "id";
    static final String PARTITION = "partition";
    static final String VECTOR = "vector";
    /** The prefix of the fields holding the partitions' own graphs; a SHA-256 of the partition follows. */
    static final String OWN_GRAPH_PREFIX = "vector.";
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

    /** The document of an entry in its partition's own graph, held in {@code field} ({@link #ownGraphField}). */
    static Document toOwnGraphDocument(String field, String id, float[] unitVector) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new KnnFloatVectorField(field, unitVector, FUNCTION));
        return doc;
    }

    /**
     * The vector field of {@code partition}'s own graph: the prefix and the URL-safe Base64 of the partition's SHA-256,
     * so any partition name (up to Lucene's term limit) gives a short field name, and two partitions share a field
     * only if SHA-256 collides.
     */
    static String ownGraphField(String partition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(partition.getBytes(StandardCharsets.UTF_8));
            return OWN_GRAPH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
