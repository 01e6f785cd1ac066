package dev.weft.core.retrieval;

import java.util.List;

/**
 * Finds the chunks most relevant to a query: dense, full-text, hybrid, reranked, whatever lies behind it.
 * Lives in core so that agents, memory and evaluation can retrieve without knowing the store. Thread-safe.
 *
 * <pre>{@code
 * List<RetrievedChunk> chunks = retriever.retrieve(RetrievalQuery.of("how do I reset my password?", 5));
 * chunks.forEach(c -> System.out.println(c.score() + " " + c.citation()));
 * }</pre>
 */
@FunctionalInterface
public interface Retriever {

    /** The most relevant chunks for {@code query}, best first, at most {@code query.topK()}. */
    List<RetrievedChunk> retrieve(RetrievalQuery query);
}
