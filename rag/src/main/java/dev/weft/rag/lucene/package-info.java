/** The Lucene vector store: BM25, HNSW vectors and metadata filters in one index, persistent or in memory. */
package dev.weft.rag.lucene;
