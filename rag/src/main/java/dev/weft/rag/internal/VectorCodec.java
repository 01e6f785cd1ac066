package dev.weft.rag.internal;

import dev.weft.core.internal.Preconditions;
import dev.weft.rag.lucene.Quantization;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The codec Weft's Lucene indexes write with (the {@code LuceneStore} and the semantic cache's
 * {@code LuceneVectorIndex}): Lucene's current codec ({@link Lucene104Codec}) with the vector field's
 * {@link KnnVectorsFormat} replaced to carry the HNSW parameters and the quantisation, and the checks of those
 * parameters that both builders make. Segments record their format by name, so Lucene reads them back with its own
 * codecs; nothing here needs registering. Not exported from the module.
 */
public final class VectorCodec {
    /** The most dimensions Lucene's HNSW formats accept. */
    public static final int MAX_DIMENSION = KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS;
    public static final int DEFAULT_MAX_CONN = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;
    public static final int DEFAULT_BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;
    private static final int MAX_CONN_LIMIT = Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN;
    private static final int BEAM_WIDTH_LIMIT = Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH;

    private VectorCodec() {}

    /** The codec writing every vector field as an HNSW graph with these parameters, quantised as asked. */
    public static Codec of(Quantization quantization, int maxConn, int beamWidth) {
        KnnVectorsFormat format = switch (quantization) {
            case NONE -> new Lucene99HnswVectorsFormat(maxConn, beamWidth);
            case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, maxConn, beamWidth);
            case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, maxConn, beamWidth);
        };
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    /**
     * Checks a builder's vector options against what Lucene's HNSW formats accept.
     *
     * @param builder how the builder is written in messages, e.g. {@code "LuceneStore.builder()"}
     * @throws dev.weft.core.InvalidInputException naming the first bad option
     */
    public static void checkGraph(String builder, int dimension, int maxConn, int beamWidth) {
        Preconditions.check(dimension >= 1 && dimension <= MAX_DIMENSION,
                builder + ".dimension(..) is required and must be 1 to " + MAX_DIMENSION + ", was " + dimension);
        Preconditions.check(maxConn >= 1 && maxConn <= MAX_CONN_LIMIT,
                builder + ".hnsw(maxConn, ..) must be 1 to " + MAX_CONN_LIMIT + ", was " + maxConn);
        Preconditions.check(beamWidth >= 1 && beamWidth <= BEAM_WIDTH_LIMIT,
                builder + ".hnsw(.., beamWidth) must be 1 to " + BEAM_WIDTH_LIMIT + ", was " + beamWidth);
    }
}
