package dev.weft.rag.lucene;

/**
 * How a {@link LuceneStore} encodes the vectors its HNSW graph is built and searched on. Quantised vectors take a
 * quarter ({@link #INT8}) or an eighth ({@link #INT4}) of the memory the graph search touches; the full-precision
 * vectors stay on disk beside them, so {@link LuceneStore#get} returns the vector exactly as stored and every hit
 * is rescored at full precision (see {@link LuceneStore.Builder#oversample(double)}).
 *
 * <p>Backed by Lucene's {@code Lucene104HnswScalarQuantizedVectorsFormat} with the
 * {@code UNSIGNED_BYTE} (int8) or {@code PACKED_NIBBLE} (int4) encoding; {@link #NONE} uses
 * {@code Lucene99HnswVectorsFormat}. The choice applies to segments written from then on, so an existing index
 * may be reopened with another quantisation.
 */
public enum Quantization {
    /** 32-bit floats: exact graph distances, the most memory. */
    NONE,
    /** Optimised scalar quantisation to 8 bits per dimension. */
    INT8,
    /** Optimised scalar quantisation to 4 bits per dimension. */
    INT4
}
