package dev.weft.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A Weft {@link VectorStore} backed by any LangChain4j {@link EmbeddingStore} (Elasticsearch, OpenSearch, pgvector,
 * Qdrant, Milvus, Chroma…), so that Weft's retrieval (dense retrievers, MMR, packing, the semantic cache) runs
 * unchanged on a distributed engine when one machine is no longer enough.
 *
 * <pre>{@code
 * VectorStore store = LangChain4jVectorStore.builder(PgVectorEmbeddingStore.builder()...build())
 *     .dimension(384)
 *     .build();
 * Retriever dense = VectorRetriever.builder(store, embedder).build();
 * }</pre>
 *
 * <p><b>Ids.</b> Many LangChain4j stores accept only UUIDs as ids, so a chunk is stored under the name-based UUID of
 * its Weft id ({@code UUID.nameUUIDFromBytes("weft:" + id)}): the same Weft id always maps to the same store id,
 * which makes {@link #upsert} replace and {@link #delete} find it. The Weft id itself travels in the segment's
 * metadata under {@link Builder#idKey} ({@code weft_id} by default), which chunks may not use for their own metadata.
 * Entries written by other LangChain4j code have no such key; they are read back with the store's id as their id.
 *
 * <p><b>Scores and filters.</b> LangChain4j's relevance {@code (cosine + 1) / 2} is turned back into cosine (see
 * {@link RelevanceScores}); {@link VectorQuery#minScore()} is converted the other way. Hits are ordered by descending
 * score, then ascending id, within what the store returned. Filters become LangChain4j's metadata filters and run
 * inside the store's search. Keep each metadata key to one type: LangChain4j compares a key only with values of its
 * own type (its in-memory store throws on a mismatch, where Weft's reference semantics say "no match"), and whether
 * {@code not} matches chunks that lack the key is up to each store.
 *
 * <p><b>Limits.</b> LangChain4j's metadata has no booleans, so chunks with a Boolean metadata value are refused
 * (and a filter on a Boolean matches nothing), as are chunks with blank text, which a {@code TextSegment} cannot
 * hold. An upsert removes the batch's ids and then adds the batch: not atomic, so after a failure between the two,
 * retry it. {@link #get} is a filtered search on the id key. {@link #size()} throws
 * {@link UnsupportedCapabilityException}: LangChain4j's interface cannot count. There is no full-text search
 * ({@link #fullText()} is empty), so hybrid retrieval needs a separate BM25 source. A hit carries its vector when
 * the store returns it, and a zero vector otherwise.
 *
 * <p>As thread-safe as the LangChain4j store (theirs are). {@link #close()} does not close the LangChain4j store;
 * later calls throw {@link ResourceClosedException}.
 */
public final class LangChain4jVectorStore implements VectorStore {
    private static final Comparator<SearchHit> RANKING =
            Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.chunk().id());
    /** Slack for the round trip through the relevance scale, so the store does not drop a hit exactly at minScore. */
    private static final double MIN_SCORE_SLACK = 1e-9;

    private final EmbeddingStore<TextSegment> store;
    private final int dimension;
    private final String idKey;
    private final String what;
    private volatile boolean closed;

    private LangChain4jVectorStore(Builder b) {
        this.store = b.store;
        this.dimension = b.dimension;
        this.idKey = b.idKey;
        this.what = "LangChain4j store " + store.getClass().getSimpleName();
    }

    /** A builder over {@code store}; {@link Builder#dimension(int)} is required. */
    public static Builder builder(EmbeddingStore<TextSegment> store) {
        return new Builder(store);
    }

    /** The id under which the chunk with Weft id {@code id} is stored in the LangChain4j store. */
    public static String storeId(String id) {
        return UUID.nameUUIDFromBytes(("weft:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void upsert(List<StoredChunk> chunks) {
        checkOpen();
        Checks.notNull(chunks, "chunks");
        List<String> ids = new ArrayList<>(chunks.size());
        List<dev.langchain4j.data.embedding.Embedding> embeddings = new ArrayList<>(chunks.size());
        List<TextSegment> segments = new ArrayList<>(chunks.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chunks.size(); i++) {
            StoredChunk c = Checks.notNull(chunks.get(i), "chunks[" + i + "]");
            String owner = "chunk '" + c.id() + "'";
            Checks.check(seen.add(c.id()), "chunk id '" + c.id() + "' appears twice in one upsert");
            checkDimension(c.dimension(), owner);
            Checks.check(!c.text().isBlank(), owner + " has blank text, which a LangChain4j TextSegment cannot hold");
            Checks.check(!c.metadata().asMap().containsKey(idKey), owner + " uses metadata key '" + idKey
                    + "', which this store reserves for Weft's chunk id; rename it or choose another idKey(..)");
            Map<String, Object> metadata = new LinkedHashMap<>(c.metadata().asMap());
            metadata.put(idKey, c.id());
            ids.add(storeId(c.id()));
            embeddings.add(dev.langchain4j.data.embedding.Embedding.from(c.vector()));
            segments.add(TextSegment.from(c.text(), MetadataTranslation.toLangChain4jForStorage(Metadata.of(metadata), owner)));
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            store.removeAll(ids);
            store.addAll(ids, embeddings, segments);
        } catch (RuntimeException e) {
            throw ErrorTranslation.translate(e, what + " (upsert of " + ids.size() + " chunks)");
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        checkOpen();
        Checks.notNull(ids, "ids");
        if (ids.isEmpty()) {
            return;
        }
        List<String> storeIds = ids.stream().map(id -> storeId(Checks.notNull(id, "an id to delete"))).toList();
        try {
            store.removeAll(storeIds);
        } catch (RuntimeException e) {
            throw ErrorTranslation.translate(e, what + " (delete)");
        }
    }

    @Override
    public void deleteWhere(Filter filter) {
        checkOpen();
        Checks.notNull(filter, "filter");
        FilterTranslation.Translated translated = FilterTranslation.toLangChain4j(filter);
        if (translated.matchesNothing()) {
            return;
        }
        try {
            if (translated.matchesAll()) {
                store.removeAll();
            } else {
                store.removeAll(translated.filter());
            }
        } catch (RuntimeException e) {
            throw ErrorTranslation.translate(e, what + " (deleteWhere " + filter + ")");
        }
    }

    @Override
    public Optional<StoredChunk> get(String id) {
        checkOpen();
        Checks.notNull(id, "id");
        float[] probe = new float[dimension];
        probe[0] = 1; // any non-zero vector: the filter alone selects the chunk
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(dev.langchain4j.data.embedding.Embedding.from(probe))
                .maxResults(1)
                .minScore(0.0)
                .filter(new IsEqualTo(idKey, id))
                .build();
        return search(request, "get '" + id + "'").stream().findFirst().map(SearchHit::chunk);
    }

    /** Always throws: LangChain4j's {@code EmbeddingStore} has no way to count its entries. */
    @Override
    public long size() {
        throw new UnsupportedCapabilityException(what + " cannot report its size: LangChain4j's EmbeddingStore "
                + "interface has no count; ask the underlying database");
    }

    @Override
    public List<SearchHit> search(VectorQuery query) {
        checkOpen();
        Checks.notNull(query, "query");
        float[] vector = query.vector();
        checkDimension(vector.length, "the query vector");
        FilterTranslation.Translated filter = FilterTranslation.toLangChain4j(query.filter());
        if (filter.matchesNothing()) {
            return List.of();
        }
        double minRelevance = Math.clamp(RelevanceScores.toRelevance(query.minScore()) - MIN_SCORE_SLACK, 0.0, 1.0);
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(dev.langchain4j.data.embedding.Embedding.from(vector))
                .maxResults(query.topK())
                .minScore(minRelevance)
                .filter(filter.filter())
                .build();
        List<SearchHit> hits = new ArrayList<>(search(request, "search"));
        hits.removeIf(h -> h.score() < query.minScore());
        hits.sort(RANKING);
        return List.copyOf(hits.size() <= query.topK() ? hits : hits.subList(0, query.topK()));
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "LangChain4jVectorStore[" + what + ", dimension=" + dimension + "]";
    }

    private List<SearchHit> search(EmbeddingSearchRequest request, String operation) {
        List<EmbeddingMatch<TextSegment>> matches;
        try {
            matches = store.search(request).matches();
        } catch (RuntimeException e) {
            throw ErrorTranslation.translate(e, what + " (" + operation + ")");
        }
        List<SearchHit> hits = new ArrayList<>(matches.size());
        for (EmbeddingMatch<TextSegment> m : matches) {
            hits.add(new SearchHit(chunk(m), RelevanceScores.toCosine(m.score())));
        }
        return hits;
    }

    private StoredChunk chunk(EmbeddingMatch<TextSegment> match) {
        TextSegment segment = match.embedded();
        Metadata metadata = segment == null ? Metadata.EMPTY : MetadataTranslation.toWeft(segment.metadata());
        String id = metadata.getString(idKey).orElse(match.embeddingId());
        Map<String, Object> own = new LinkedHashMap<>(metadata.asMap());
        own.remove(idKey);
        float[] vector = match.embedding() == null ? new float[dimension] : match.embedding().vector();
        return new StoredChunk(id, segment == null ? "" : segment.text(), vector, Metadata.of(own));
    }

    private void checkDimension(int actual, String what) {
        if (actual != dimension) {
            throw new InvalidInputException(what + " has dimension " + actual + " but this store holds dimension "
                    + dimension + "; embed with the model the store was built for");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ResourceClosedException(what + " (through LangChain4jVectorStore) was closed");
        }
    }

    /** Builds a {@link LangChain4jVectorStore}. Not thread-safe. */
    public static final class Builder {
        private final EmbeddingStore<TextSegment> store;
        private int dimension;
        private String idKey = "weft_id";

        private Builder(EmbeddingStore<TextSegment> store) {
            this.store = store;
        }

        /** The length of the vectors the store holds; required. */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /** The metadata key that carries Weft's chunk id; {@code weft_id} by default. */
        public Builder idKey(String idKey) {
            this.idKey = idKey;
            return this;
        }

        public LangChain4jVectorStore build() {
            Checks.notNull(store, "LangChain4jVectorStore.builder(store)");
            Checks.check(dimension >= 1, "LangChain4jVectorStore.builder(..).dimension(..) is required and must be >= 1, was "
                    + dimension);
            Checks.check(idKey != null && !idKey.isBlank(), "LangChain4jVectorStore.builder(..).idKey(..) must not be blank");
            return new LangChain4jVectorStore(this);
        }
    }
}
