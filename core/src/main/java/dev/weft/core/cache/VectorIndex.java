package dev.weft.core.cache;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * The vectors of a semantic cache: unit-length embeddings grouped into partitions, searched by cosine similarity
 * within one partition. A partition holds the entries that may answer each other (one tenant, one exact context);
 * a lookup never crosses partitions. The cache owns the ids and keeps the index in step with its entries; an
 * index serves one cache.
 *
 * <p>Core ships an exact in-memory index ({@link #inMemory()}), which compares the query with every vector of
 * its partition: right while partitions hold up to some tens of thousands of entries. {@code weft-rag} supplies
 * a Lucene HNSW index for larger caches. Implementations are safe for concurrent use; {@link #close()} is
 * harmless to call twice.
 *
 * <pre>{@code
 * VectorIndex index = VectorIndex.inMemory(384);
 * index.put("tenant-a/ctx-1", "e1", unitVector);
 * List<VectorIndex.Neighbor> best = index.nearest("tenant-a/ctx-1", unitQuery, 3);
 * }</pre>
 */
public interface VectorIndex extends AutoCloseable {

    /**
     * An exact in-memory index whose dimension is fixed by the first vector put into it. Thread-safe: searches
     * run concurrently, writes exclusively.
     */
    static VectorIndex inMemory() {
        return new ExactVectorIndex(0);
    }

    /**
     * An exact in-memory index of vectors of {@code dimension} components.
     *
     * @throws dev.weft.core.InvalidInputException if {@code dimension < 1}
     */
    static VectorIndex inMemory(int dimension) {
        Preconditions.check(dimension >= 1, "dimension must be >= 1, was " + dimension);
        return new ExactVectorIndex(dimension);
    }

    /**
     * Adds or replaces the vector stored under {@code id}.
     *
     * @param partition the group the entry belongs to
     * @param id the entry's id, unique across partitions
     * @param vector a unit-length vector of the index's dimension
     * @throws dev.weft.core.InvalidInputException if the vector has another dimension or is not unit-length
     */
    void put(String partition, String id, float[] vector);

    /** Removes the entry {@code id}; nothing happens if it is absent. */
    void remove(String id);

    /**
     * The entries of {@code partition} nearest to {@code vector}, most similar first.
     *
     * @param partition the only partition searched
     * @param vector a unit-length query vector
     * @param k how many neighbours at most, >= 1
     */
    List<Neighbor> nearest(String partition, float[] vector, int k);

    /** How many entries the index holds. */
    int size();

    /** Frees what the index holds; later calls other than {@code close} throw {@link dev.weft.core.ResourceClosedException}. */
    @Override
    void close();

    /**
     * One search result.
     *
     * @param id the entry's id
     * @param similarity cosine similarity to the query, in [-1, 1]
     */
    record Neighbor(String id, float similarity) {}
}
