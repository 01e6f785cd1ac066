package dev.weft.rag.ingest;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.FullTextSearch;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A decorator over a real store that runs a hook when {@link #commit()} is called, to observe ordering. */
final class CommitObservingStore implements VectorStore {
    private final VectorStore delegate;
    private final Runnable onCommit;

    CommitObservingStore(VectorStore delegate, Runnable onCommit) {
        this.delegate = delegate;
        this.onCommit = onCommit;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public void upsert(List<StoredChunk> chunks) {
        delegate.upsert(chunks);
    }

    @Override
    public void delete(Collection<String> ids) {
        delegate.delete(ids);
    }

    @Override
    public void deleteWhere(Filter filter) {
        delegate.deleteWhere(filter);
    }

    @Override
    public Optional<StoredChunk> get(String id) {
        return delegate.get(id);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public List<SearchHit> search(VectorQuery query) {
        return delegate.search(query);
    }

    @Override
    public Optional<FullTextSearch> fullText() {
        return delegate.fullText();
    }

    @Override
    public void commit() {
        onCommit.run();
        delegate.commit();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
