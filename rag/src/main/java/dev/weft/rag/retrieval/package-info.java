/** Retrieval over any core VectorStore: BM25, dense and hybrid retrievers, fusion, reranking, MMR and context packing. */
package dev.weft.rag.retrieval;
