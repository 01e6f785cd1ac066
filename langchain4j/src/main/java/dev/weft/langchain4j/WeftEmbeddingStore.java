package dev.weft.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A LangChain4j {@link EmbeddingStore} backed by a Weft {@link VectorStore}, typically Weft's Lucene store (HNSW
 * vectors, filters inside the search, persistent on disk), so that LangChain4j ingestors, content retrievers and AI
 * Services can use it.
 *
 * <pre>{@code
 * LuceneStore lucene = LuceneStore.builder().path(Path.of("index")).dimension(384).build();
 * EmbeddingStore<TextSegment> store = WeftEmbeddingStore.of(lucene);
 * store.addAll(embeddings, segments);
 * var result = store.search(EmbeddingSearchRequest.builder().queryEmbedding(q).maxResults(5)
 *     .filter(metadataKey("lang").isEqualTo("en")).build());
 * }</pre>
 *
 * <p><b>Scores.</b> Weft's cosine is reported as LangChain4j's relevance {@code (cosine + 1) / 2}, and a request's
 * {@code minScore} is read on that scale (see {@link RelevanceScores}).
 *
 * <p><b>Filters.</b> LangChain4j's comparison filters ({@code isEqualTo}, {@code isNotEqualTo}, the four orderings on
 * numbers, {@code isIn}, {@code isNotIn}) and logical ones ({@code and}, {@code or}, {@code not}) become Weft's
 * portable {@link Filter} and run inside the store's search; {@code containsString}, orderings on strings and other
 * filter classes are refused with {@link InvalidInputException} saying so. Weft's semantics apply: a condition on a
 * key that a segment lacks is false, and comparing a key with a value of another type is false rather than an error.
 *
 * <p><b>Writes.</b> Adding an id that exists replaces it. Segment metadata keeps its values (UUIDs as strings);
 * embeddings without a segment are stored with empty text. After each write the Weft store is committed, so what
 * LangChain4j added is durable as it would be in a database; turn that off with {@link Builder#commitEachWrite} and
 * call {@link VectorStore#commit()} yourself when writing many small batches. Thread-safe when the Weft store is
 * (Weft's are). The Weft store stays the caller's to close.
 */
public final class WeftEmbeddingStore implements EmbeddingStore<TextSegment> {
    private final VectorStore store;
    private final boolean commitEachWrite;

    private WeftEmbeddingStore(Builder b) {
        this.store = b.store;
        this.commitEachWrite = b.commitEachWrite;
    }

    /** A LangChain4j store over {@code store}, committing after each write. */
    public static WeftEmbeddingStore of(VectorStore store) {
        return builder(store).build();
    }

    /** A builder over {@code store}. */
    public static Builder builder(VectorStore store) {
        return new Builder(store);
    }

    @Override
    public String add(Embedding embedding) {
        String id = UUID.randomUUID().toString();
        add(id, embedding);
        return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
        addAll(List.of(Checks.notNull(id, "id")), List.of(Checks.notNull(embedding, "embedding")), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        List<TextSegment> segments = new ArrayList<>(1);
        segments.add(segment);
        addAll(List.of(id), List.of(Checks.notNull(embedding, "embedding")), segments);
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        Checks.notNull(embeddings, "embeddings");
        List<String> ids = generateIds(embeddings.size());
        addAll(ids, embeddings, null);
        return ids;
    }

    /**
     * Adds (or replaces) the entries; {@code segments} may be null, or hold nulls, for entries without text.
     *
     * @throws InvalidInputException if the lists differ in length, or an entry does not fit the Weft store
     *     (wrong dimension, metadata it cannot hold); nothing of the batch is written then
     */
    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        Checks.notNull(ids, "ids");
        Checks.notNull(embeddings, "embeddings");
        if (ids.size() != embeddings.size() || (segments != null && segments.size() != ids.size())) {
            throw new InvalidInputException("ids, embeddings and segments must have the same length, were " + ids.size()
                    + ", " + embeddings.size() + " and " + (segments == null ? "absent" : segments.size()));
        }
        List<StoredChunk> chunks = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Embedding embedding = Checks.notNull(embeddings.get(i), "embeddings[" + i + "]");
            TextSegment segment = segments == null ? null : segments.get(i);
            chunks.add(new StoredChunk(ids.get(i),
                    segment == null ? "" : segment.text(),
                    embedding.vector(),
                    segment == null ? Metadata.EMPTY : MetadataTranslation.toWeft(segment.metadata())));
        }
        if (chunks.isEmpty()) {
            return;
        }
        store.upsert(chunks);
        committed();
    }

    @Override
    public void removeAll(Collection<String> ids) {
        Checks.notNull(ids, "ids");
        store.delete(ids);
        committed();
    }

    /** Removes the entries matching {@code filter}, translated as for {@link #search}. */
    @Override
    public void removeAll(dev.langchain4j.store.embedding.filter.Filter filter) {
        Checks.notNull(filter, "filter");
        store.deleteWhere(FilterTranslation.toWeft(filter));
        committed();
    }

    @Override
    public void removeAll() {
        store.deleteWhere(Filter.and()); // and() of nothing is true: everything
        committed();
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        Checks.notNull(request, "request");
        VectorQuery query = new VectorQuery(request.queryEmbedding().vector(), request.maxResults(),
                FilterTranslation.toWeft(request.filter()), RelevanceScores.toCosine(request.minScore()));
        List<SearchHit> hits = store.search(query);
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            StoredChunk c = hit.chunk();
            TextSegment segment = c.text().isBlank()
                    ? null
                    : TextSegment.from(c.text(), MetadataTranslation.toLangChain4jForReading(c.metadata()));
            matches.add(new EmbeddingMatch<>(RelevanceScores.toRelevance(hit.score()), c.id(), Embedding.from(c.vector()),
                    segment));
        }
        return new EmbeddingSearchResult<>(matches);
    }

    @Override
    public String toString() {
        return "WeftEmbeddingStore[" + store + "]";
    }

    private void committed() {
        if (commitEachWrite) {
            store.commit();
        }
    }

    /** Builds a {@link WeftEmbeddingStore}. Not thread-safe. */
    public static final class Builder {
        private final VectorStore store;
        private boolean commitEachWrite = true;

        private Builder(VectorStore store) {
            this.store = store;
        }

        /** Whether each write is followed by {@link VectorStore#commit()}; true by default. */
        public Builder commitEachWrite(boolean commitEachWrite) {
            this.commitEachWrite = commitEachWrite;
            return this;
        }

        public WeftEmbeddingStore build() {
            Checks.notNull(store, "WeftEmbeddingStore.builder(store)");
            return new WeftEmbeddingStore(this);
        }
    }
}
