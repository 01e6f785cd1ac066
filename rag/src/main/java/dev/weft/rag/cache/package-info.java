/**
 * The vector index behind a large semantic cache: {@link dev.weft.rag.cache.LuceneVectorIndex} implements core's
 * {@link dev.weft.core.cache.VectorIndex} on Lucene's HNSW graph, with partitions filtered inside the search, in
 * memory or on disk. Core's semantic cache takes it in place of its exact in-memory index when the cache outgrows a
 * scan.
 */
package dev.weft.rag.cache;
