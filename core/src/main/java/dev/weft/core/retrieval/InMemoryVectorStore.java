package dev.weft.core.retrieval;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exact, in-memory {@link VectorStore}: every search compares the query with every chunk, so its results are
 * the true nearest neighbours. Right for small collections (caches, memories of one user, tests) and as the
 * reference that approximate stores are measured against; for large corpora use the Lucene store of
 * {@code weft-rag}. No full-text capability.
 *
 * <p>Hits are ordered by descending score, then ascending id. Thread-safe: searches run concurrently, writes
 * exclusively.
 *
 * <pre>{@code
 * VectorStore store = InMemoryVectorStore.builder().dimension(384).similarity(Similarity.COSINE).build();
 * store.upsert(List.of(new StoredChunk("c1", "text", vector, Metadata.of("lang", "en"))));
 * List<SearchHit> hits = store.search(VectorQuery.of(queryVector, 5, Filter.eq("lang", "en")));
 * }</pre>
 */
public final class InMemoryVectorStore implements VectorStore {
    /** Best first: descending score, then ascending id. */
    static final Comparator<SearchHit> RANKING =
            Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.chunk().id());

    private final int dimension;
    private final Similarity similarity;
    private final Map<String, Entry> chunks = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private InMemoryVectorStore(int dimension, Similarity similarity) {
        this.dimension = dimension;
        this.similarity = similarity;
    }

    /** A builder; {@link Builder#dimension(int)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** How this store compares vectors. */
    public Similarity similarity() {
        return similarity;
    }

    @Override
    public void upsert(List<StoredChunk> batch) {
        List<StoredChunk> checked = Preconditions.immutableList(batch, "chunks");
        Set<String> ids = new HashSet<>();
        for (StoredChunk c : checked) {
            checkDimension(c.dimension(), "chunk '" + c.id() + "'");
            if (!ids.add(c.id())) {
                throw new InvalidInputException("chunk id '" + c.id() + "' appears twice in one upsert");
            }
        }
        write(() -> checked.forEach(c -> chunks.put(c.id(), new Entry(c, Similarity.squaredNorm(c.vectorNoCopy())))));
    }

    @Override
    public void delete(Collection<String> ids) {
        Preconditions.notNull(ids, "ids");
        write(() -> ids.forEach(chunks::remove));
    }

    @Override
    public void deleteWhere(Filter filter) {
        Preconditions.notNull(filter, "filter");
        write(() -> chunks.values().removeIf(e -> filter.test(e.chunk().metadata())));
    }

    @Override
    public Optional<StoredChunk> get(String id) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return Optional.ofNullable(chunks.get(id)).map(Entry::chunk);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long size() {
        lock.readLock().lock();
        try {
            ensureOpen();
            return chunks.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<SearchHit> search(VectorQuery query) {
        Preconditions.notNull(query, "query");
        checkDimension(query.vector().length, "query vector");
        float[] q = query.vector();
        double queryNorm = Similarity.squaredNorm(q);
        Filter filter = query.filter();
        PriorityQueue<SearchHit> worstFirst = new PriorityQueue<>(RANKING.reversed()); // grows as needed: topK may be huge
        lock.readLock().lock();
        try {
            ensureOpen();
            for (Entry e : chunks.values()) {
                StoredChunk c = e.chunk();
                if (filter != null && !filter.test(c.metadata())) {
                    continue;
                }
                double dot = Similarity.dot(q, c.vectorNoCopy());
                double score = similarity == Similarity.DOT_PRODUCT ? dot : Similarity.cosine(dot, queryNorm, e.squaredNorm());
                if (score < query.minScore()) {
                    continue;
                }
                worstFirst.add(new SearchHit(c, score));
                if (worstFirst.size() > query.topK()) {
                    worstFirst.poll();
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<SearchHit> hits = new ArrayList<>(worstFirst);
        hits.sort(RANKING);
        return hits;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            ensureOpen();
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void checkDimension(int actual, String what) {
        if (actual != dimension) {
            throw new InvalidInputException(what + " has dimension " + actual + " but this store holds vectors of dimension " + dimension);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceClosedException("this InMemoryVectorStore is closed");
        }
    }

    /** A stored chunk with its squared norm, computed once at upsert for cosine scoring. */
    private record Entry(StoredChunk chunk, double squaredNorm) {}

    /** Builds {@link InMemoryVectorStore}. Not thread-safe. */
    public static final class Builder {
        private int dimension;
        private Similarity similarity = Similarity.COSINE;

        private Builder() {}

        /** The vectors' length; required, >= 1. */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /** How vectors are compared; {@link Similarity#COSINE} by default. */
        public Builder similarity(Similarity similarity) {
            this.similarity = similarity;
            return this;
        }

        public InMemoryVectorStore build() {
            Preconditions.check(dimension >= 1, "InMemoryVectorStore.builder().dimension(..) is required and must be >= 1, was " + dimension);
            Preconditions.notNull(similarity, "similarity");
            return new InMemoryVectorStore(dimension, similarity);
        }
    }
}
