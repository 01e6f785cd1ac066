package dev.weft.core.retrieval;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store SPI: chunks with vectors and metadata, nearest-neighbour search with a {@link Filter} applied
 * inside the search, and optionally full-text search. Fusion, reranking, MMR and packing are written once
 * against this interface, so they work over every implementation: the exact {@link InMemoryVectorStore}, the
 * Lucene store of {@code weft-rag}, LangChain4j's stores through the bridge, distributed engines.
 *
 * <p>Implementations are safe for concurrent readers and writers. Bad input (a wrong dimension, an unsupported
 * metadata type) is refused with {@link dev.weft.core.InvalidInputException} before anything of the batch is
 * written. {@link #commit()} is the durability point of persistent stores. Use after {@link #close()} throws
 * {@link dev.weft.core.ResourceClosedException}; closing twice is harmless.
 */
public interface VectorStore extends AutoCloseable {

    /** The length of the vectors this store holds. */
    int dimension();

    /** Inserts the chunks, replacing any with the same id. The batch is validated whole before anything is written. */
    void upsert(List<StoredChunk> chunks);

    /** Removes the chunks with these ids; unknown ids are ignored. */
    void delete(Collection<String> ids);

    /** Removes every chunk matching {@code filter}. */
    void deleteWhere(Filter filter);

    /** The chunk with this id, if present. */
    Optional<StoredChunk> get(String id);

    /** How many chunks the store holds. */
    long size();

    /**
     * The chunks most similar to {@code query.vector()}, best first, at most {@code query.topK()}, only among
     * those matching {@code query.filter()}. Ties are broken by ascending id where the store can.
     */
    List<SearchHit> search(VectorQuery query);

    /** Full-text search, when the store offers it. */
    default Optional<FullTextSearch> fullText() {
        return Optional.empty();
    }

    /** Makes everything written so far durable. A no-op for stores that are not persistent. */
    default void commit() {}

    /** Releases the store. Closing twice is harmless. */
    @Override
    default void close() {}
}
