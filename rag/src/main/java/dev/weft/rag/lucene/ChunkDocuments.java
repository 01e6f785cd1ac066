package dev.weft.rag.lucene;

import dev.weft.core.json.WeftJson;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.StoredChunk;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import tools.jackson.core.type.TypeReference;

/**
 * The Lucene document of one chunk, and the chunk back from it:
 *
 * <ul>
 *   <li>{@code id}: a stored {@link StringField} (the upsert key) and a {@link SortedDocValuesField} (ties are
 *       broken by id);</li>
 *   <li>{@code text}: a stored {@link TextField}, analysed for BM25;</li>
 *   <li>{@code vector}: a {@link KnnFloatVectorField} in the HNSW graph. Lucene refuses an all-zero vector under
 *       cosine; such a chunk instead gets the marker {@code zero_vector} and no vector field (its cosine with
 *       anything is 0, which the search adds back);</li>
 *   <li>{@code metadata}: the {@link Metadata} as stored JSON, to rebuild it exactly, and its filterable fields
 *       ({@link MetadataFields}).</li>
 * </ul>
 */
final class ChunkDocuments {
    static final String ID = "id";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String METADATA = "metadata";
    static final String ZERO_VECTOR = "zero_vector";
    /** The exact floats of a vector kept out of the graph, so that signed zeros ({@code -0.0f}) come back as given. */
    static final String ZERO_VECTOR_FLOATS = "zero_vector_floats";
    static final Set<String> STORED = Set.of(ID, TEXT, METADATA, ZERO_VECTOR_FLOATS);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final VectorSimilarityFunction function;

    ChunkDocuments(VectorSimilarityFunction function) {
        this.function = function;
    }

    /** Whether the chunk's vector is kept out of the graph (an all-zero vector under cosine). */
    boolean outsideGraph(float[] vector) {
        return function == VectorSimilarityFunction.COSINE && VectorUtil.isZeroVector(vector);
    }

    Document toDocument(StoredChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(chunk.id())));
        doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        float[] vector = chunk.vector();
        if (outsideGraph(vector)) {
            doc.add(new StringField(ZERO_VECTOR, "true", Field.Store.NO));
            doc.add(new StoredField(ZERO_VECTOR_FLOATS, floatBytes(vector)));
        } else {
            doc.add(new KnnFloatVectorField(VECTOR, vector, function));
        }
        doc.add(new StoredField(METADATA, WeftJson.mapper().writeValueAsString(chunk.metadata())));
        MetadataFields.addTo(doc, chunk.metadata());
        return doc;
    }

    /** The chunk from its stored fields and its vector. */
    static StoredChunk toChunk(Document stored, float[] vector) {
        String json = stored.get(METADATA);
        Metadata metadata = json == null || json.equals("{}") ? Metadata.EMPTY : Metadata.of(WeftJson.mapper().readValue(json, MAP));
        BytesRef zeros = stored.getBinaryValue(ZERO_VECTOR_FLOATS);
        return new StoredChunk(stored.get(ID), stored.get(TEXT), zeros == null ? vector : floats(zeros), metadata);
    }

    private static byte[] floatBytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    private static float[] floats(BytesRef bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer().get(vector);
        return vector;
    }
}
