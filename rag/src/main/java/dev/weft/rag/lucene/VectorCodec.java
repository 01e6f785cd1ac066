package dev.weft.rag.lucene;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The codec a {@link LuceneStore} writes with: Lucene's current codec ({@link Lucene104Codec}) with the vector
 * field's {@link KnnVectorsFormat} replaced to carry the HNSW parameters and the quantisation. Segments record
 * their format by name, so Lucene reads them back with its own codecs; nothing here needs registering.
 */
final class VectorCodec {
    /** The most dimensions Lucene's HNSW formats accept. */
    static final int MAX_DIMENSION = 1024;
    static final int MAX_CONN_LIMIT = Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN;
    static final int BEAM_WIDTH_LIMIT = Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH;
    static final int DEFAULT_MAX_CONN = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;
    static final int DEFAULT_BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;

    private VectorCodec() {}

    static Codec of(Quantization quantization, int maxConn, int beamWidth) {
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
}
