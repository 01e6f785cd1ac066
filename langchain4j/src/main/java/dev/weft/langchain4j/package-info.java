/**
 * The LangChain4j bridge, both ways.
 *
 * <p><b>LangChain4j into Weft</b> — every provider LangChain4j supports becomes a Weft component:
 * <ul>
 *   <li>{@link dev.weft.langchain4j.LangChain4jChatModel}: a LangChain4j {@code ChatModel} and/or
 *       {@code StreamingChatModel} as a Weft {@code ChatModel}, with messages, tools, response formats, usage and
 *       streaming mapped, and errors as Weft's typed exceptions;</li>
 *   <li>{@link dev.weft.langchain4j.LangChain4jEmbeddingModel}: a LangChain4j {@code EmbeddingModel} as a Weft one;</li>
 *   <li>{@link dev.weft.langchain4j.LangChain4jVectorStore}: any LangChain4j {@code EmbeddingStore} (Elasticsearch,
 *       OpenSearch, pgvector…) as a Weft {@code VectorStore}, behind Weft's retrieval API.</li>
 * </ul>
 *
 * <p><b>Weft into LangChain4j</b> — Weft's parts in LangChain4j applications and AI Services:
 * <ul>
 *   <li>{@link dev.weft.langchain4j.WeftEmbeddingModel}: a Weft embedding model (local ONNX) as a LangChain4j one;</li>
 *   <li>{@link dev.weft.langchain4j.WeftContentRetriever}: any Weft {@code Retriever}, such as hybrid BM25 + dense
 *       retrieval over the Lucene store, as a LangChain4j {@code ContentRetriever};</li>
 *   <li>{@link dev.weft.langchain4j.WeftEmbeddingStore}: any Weft {@code VectorStore}, such as the Lucene store, as a
 *       LangChain4j {@code EmbeddingStore<TextSegment>}.</li>
 * </ul>
 *
 * <p>Scores cross between Weft's cosine and LangChain4j's relevance {@code (cosine + 1) / 2} through
 * {@link dev.weft.langchain4j.RelevanceScores}; metadata filters are translated both ways.
 *
 * <pre>{@code
 * // A LangChain4j AI Service answering from Weft's hybrid retrieval over a Lucene index:
 * Retriever hybrid = HybridRetriever.builder(luceneStore, onnxEmbedder).build();
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(openAiChatModel)
 *     .contentRetriever(WeftContentRetriever.builder(hybrid).maxResults(4).build())
 *     .build();
 *
 * // Weft's pipeline over Anthropic through LangChain4j:
 * ChatModel claude = LangChain4jChatModel.of(anthropicStreamingChatModel);
 * }</pre>
 */
package dev.weft.langchain4j;
