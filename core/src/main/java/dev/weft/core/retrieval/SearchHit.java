package dev.weft.core.retrieval;

import dev.weft.core.internal.Preconditions;

/**
 * One result of a store search.
 *
 * @param chunk the chunk found
 * @param score higher is better: for vector search the similarity (cosine in [-1, 1], or the dot product);
 *     for full-text search the store's relevance score (BM25)
 */
public record SearchHit(StoredChunk chunk, double score) {
    public SearchHit {
        Preconditions.notNull(chunk, "chunk");
    }
}
