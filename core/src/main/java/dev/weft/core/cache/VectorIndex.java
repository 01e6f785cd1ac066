package dev.weft.core.cache;

import java.util.List;

/**
 * The vectors of a semantic cache: unit-length embeddings grouped into partitions, searched by cosine similarity
 * within one partition. A partition holds the entries that may answer each other (one tenant, one exact context);
 * a lookup never crosses partitions.
 *
 * <p>Core ships an exact in-memory index ({@link #inMemory()}); {@code weft-rag} supplies a Lucene HNSW index for
 * large caches. Implementations are safe for concurrent use; {@link #close()} is harmless to call twice.
 */
public interface VectorIndex extends AutoCloseable {

    /**
     * Adds or replaces the vector stored under {@code id}.
     *
     * @param partition the group the entry belongs to
     * @param id the entry's id, unique across partitions
     * @param vector a unit-length vector of the index's dimension
     */
    void put(String partition, String id, float[] vector);

    /** Removes the entry {@code id}; nothing happens if it is absent. */
    void remove(String id);

    /**
     * The entries of {@code partition} nearest to {@code vector}, most similar first.
     *
     * @param partition the only partition searched
     * @param vector a unit-length query vector
     * @param k how many neighbours at most
     */
    List<Neighbor> nearest(String partition, float[] vector, int k);

    /** How many entries the index holds. */
    int size();

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
