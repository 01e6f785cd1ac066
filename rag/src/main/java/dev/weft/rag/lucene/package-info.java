/**
 * The Lucene vector store: BM25, HNSW vectors and metadata filters in one index, persistent or in memory.
 * {@link dev.weft.rag.lucene.LuceneStore} implements core's {@link dev.weft.core.retrieval.VectorStore} SPI with its
 * full-text capability; everything else in the package is its implementation.
 */
package dev.weft.rag.lucene;
