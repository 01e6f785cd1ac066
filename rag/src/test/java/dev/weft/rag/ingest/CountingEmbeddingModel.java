package dev.weft.rag.ingest;

import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/** A decorator over a real embedding model that records the size of every batch it is asked to embed. */
final class CountingEmbeddingModel implements EmbeddingModel {
    private final EmbeddingModel delegate;
    private final List<Integer> batches = new ArrayList<>();

    CountingEmbeddingModel(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public TokenCounter tokenCounter() {
        return delegate.tokenCounter();
    }

    @Override
    public synchronized EmbeddingResponse embed(List<String> texts) {
        batches.add(texts.size());
        return delegate.embed(texts);
    }

    /** How many times {@link #embed(List)} was called. */
    synchronized int calls() {
        return batches.size();
    }

    /** How many texts were embedded in all. */
    synchronized int texts() {
        return batches.stream().mapToInt(Integer::intValue).sum();
    }

    /** The size of each batch, in call order. */
    synchronized List<Integer> batches() {
        return List.copyOf(batches);
    }

    synchronized void reset() {
        batches.clear();
    }
}
