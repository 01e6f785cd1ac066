/**
 * Retrieval over any core {@link dev.weft.core.retrieval.VectorStore}: dense ({@link dev.weft.rag.retrieval.VectorRetriever}),
 * BM25 ({@link dev.weft.rag.retrieval.Bm25Retriever}) and hybrid ({@link dev.weft.rag.retrieval.HybridRetriever} with a
 * {@link dev.weft.rag.retrieval.Fusion}) retrievers, second stages that wrap any
 * {@link dev.weft.core.retrieval.Retriever} (a {@link dev.weft.rag.retrieval.Reranker}, an
 * {@link dev.weft.rag.retrieval.MmrRetriever}), and a {@link dev.weft.rag.retrieval.ContextPacker} that fits the
 * result into a prompt's token budget.
 *
 * <pre>{@code
 * Retriever retriever = MmrRetriever.builder(
 *         Reranker.builder(HybridRetriever.builder(store, embedder).build(), crossEncoder).build(), store)
 *     .lambda(0.7).build();
 * PackedContext context = ContextPacker.builder(embedder.tokenCounter()).budget(1500).build()
 *     .pack(retriever.retrieve(RetrievalQuery.of(question, 8)));
 * }</pre>
 */
package dev.weft.rag.retrieval;
