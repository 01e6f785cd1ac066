package dev.weft.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A LangChain4j {@link ContentRetriever} backed by a Weft {@link Retriever}, so that a LangChain4j AI Service
 * retrieves with Weft: hybrid BM25 + dense retrieval over the Lucene store, reranking, MMR.
 *
 * <pre>{@code
 * Retriever hybrid = HybridRetriever.builder(luceneStore, embedder).build();
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(chatModel)
 *     .contentRetriever(WeftContentRetriever.builder(hybrid).maxResults(5).build())
 *     .build();
 * }</pre>
 *
 * <p>Each retrieved chunk becomes a {@link Content} whose {@link TextSegment} holds the chunk's text and metadata
 * (Boolean values as the strings {@code "true"}/{@code "false"}: LangChain4j's metadata has no booleans), with
 * {@link ContentMetadata#EMBEDDING_ID} the chunk id and {@link ContentMetadata#SCORE} the Weft retriever's score,
 * unchanged: cosine for dense retrieval, the fused score for hybrid retrieval, which has no relevance equivalent (see
 * {@link RelevanceScores} for the dense case). Thread-safe when the retriever is.
 */
public final class WeftContentRetriever implements ContentRetriever {
    private final Retriever retriever;
    private final int maxResults;
    private final Function<Query, Filter> filter;

    private WeftContentRetriever(Builder b) {
        this.retriever = b.retriever;
        this.maxResults = b.maxResults;
        this.filter = b.filter;
    }

    /** A content retriever over {@code retriever} with the defaults (3 results, no filter). */
    public static WeftContentRetriever of(Retriever retriever) {
        return builder(retriever).build();
    }

    /** A builder over {@code retriever}. */
    public static Builder builder(Retriever retriever) {
        return new Builder(retriever);
    }

    @Override
    public List<Content> retrieve(Query query) {
        Checks.notNull(query, "query");
        List<RetrievedChunk> chunks = retriever.retrieve(new RetrievalQuery(query.text(), maxResults, filter.apply(query)));
        List<Content> contents = new ArrayList<>(chunks.size());
        for (RetrievedChunk c : chunks) {
            if (c.text().isBlank()) {
                continue; // a TextSegment cannot be blank, and a blank chunk tells the model nothing
            }
            TextSegment segment = TextSegment.from(c.text(), MetadataTranslation.toLangChain4jForReading(c.metadata()));
            contents.add(Content.from(segment, Map.of(ContentMetadata.SCORE, c.score(), ContentMetadata.EMBEDDING_ID, c.id())));
        }
        return contents;
    }

    @Override
    public String toString() {
        return "WeftContentRetriever[" + retriever + ", maxResults=" + maxResults + "]";
    }

    /** Builds a {@link WeftContentRetriever}. Not thread-safe. */
    public static final class Builder {
        private final Retriever retriever;
        private int maxResults = 3;
        private Function<Query, Filter> filter = q -> null;

        private Builder(Retriever retriever) {
            this.retriever = retriever;
        }

        /** How many chunks to retrieve per query; 3 by default, as LangChain4j's own retrievers. */
        public Builder maxResults(int maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        /** A metadata filter applied to every query. */
        public Builder filter(Filter filter) {
            this.filter = q -> filter;
            return this;
        }

        /**
         * A metadata filter per query, computed from it (its metadata carries the chat memory id, the user message
         * and the conversation), for example to restrict retrieval to one user's documents. May return null.
         */
        public Builder dynamicFilter(Function<Query, Filter> filter) {
            this.filter = Checks.notNull(filter, "WeftContentRetriever.builder(..).dynamicFilter(..)");
            return this;
        }

        public WeftContentRetriever build() {
            Checks.notNull(retriever, "WeftContentRetriever.builder(retriever)");
            Checks.check(maxResults >= 1, "WeftContentRetriever.builder(..).maxResults(..) must be >= 1, was " + maxResults);
            return new WeftContentRetriever(this);
        }
    }
}
