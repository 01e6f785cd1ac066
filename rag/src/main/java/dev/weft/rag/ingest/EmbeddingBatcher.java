package dev.weft.rag.ingest;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Embeds the chunks of queued documents in batches of a fixed size that may span documents, and writes each
 * document to the store once all its chunks have vectors: its old chunks deleted, then its new ones upserted.
 * Documents are written in the order they were added. Not thread-safe; one per run.
 */
final class EmbeddingBatcher {
    /** A document waiting for its vectors. */
    record Pending(String id, String contentHash, boolean replaces, List<Chunk> chunks) {}

    /** Hears each embedded batch. */
    interface BatchListener {
        void embedded(int chunks, long tokens);
    }

    private record Slot(Waiting document, int chunk) {}

    private static final class Waiting {
        final Pending pending;
        final float[][] vectors;
        int missing;

        Waiting(Pending pending) {
            this.pending = pending;
            this.vectors = new float[pending.chunks().size()][];
            this.missing = vectors.length;
        }
    }

    private final EmbeddingModel model;
    private final VectorStore store;
    private final int batchSize;
    private final boolean storeHadChunks;
    private final Consumer<Pending> written;
    private final BatchListener embedded;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final List<Slot> batch = new ArrayList<>();

    /**
     * @param storeHadChunks whether the store held anything when the run began; if not, a new document cannot have
     *     stale chunks and its delete is skipped
     */
    EmbeddingBatcher(EmbeddingModel model, VectorStore store, int batchSize, boolean storeHadChunks,
            Consumer<Pending> written, BatchListener embedded) {
        this.model = model;
        this.store = store;
        this.batchSize = batchSize;
        this.storeHadChunks = storeHadChunks;
        this.written = written;
        this.embedded = embedded;
    }

    void add(Pending document) {
        Waiting w = new Waiting(document);
        waiting.add(w);
        for (int i = 0; i < w.vectors.length; i++) {
            batch.add(new Slot(w, i));
            if (batch.size() == batchSize) {
                embedBatch();
            }
        }
        writeCompleted();
    }

    void flush() {
        if (!batch.isEmpty()) {
            embedBatch();
        }
        writeCompleted();
    }

    private void embedBatch() {
        List<String> texts = batch.stream().map(s -> s.document().pending.chunks().get(s.chunk()).text()).toList();
        EmbeddingResponse response = model.embed(texts);
        if (response.embeddings().size() != texts.size()) {
            throw new InvalidModelResponseException("Embedding model " + model.info().id() + " returned "
                    + response.embeddings().size() + " embeddings for " + texts.size() + " texts", null);
        }
        for (int i = 0; i < batch.size(); i++) {
            Slot slot = batch.get(i);
            slot.document().vectors[slot.chunk()] = response.embeddings().get(i).vector();
            slot.document().missing--;
        }
        batch.clear();
        embedded.embedded(texts.size(), response.usage().inputTokens());
        writeCompleted();
    }

    private void writeCompleted() {
        while (!waiting.isEmpty() && waiting.peekFirst().missing == 0) {
            write(waiting.pollFirst());
        }
    }

    private void write(Waiting w) {
        Pending p = w.pending;
        if (p.replaces() || storeHadChunks) {
            store.deleteWhere(Filter.eq(Chunk.DOCUMENT_ID, p.id()));
        }
        if (!p.chunks().isEmpty()) {
            List<StoredChunk> stored = new ArrayList<>(p.chunks().size());
            for (int i = 0; i < p.chunks().size(); i++) {
                Chunk c = p.chunks().get(i);
                stored.add(new StoredChunk(c.id(), c.text(), w.vectors[i], c.metadata()));
            }
            store.upsert(stored);
        }
        written.accept(p);
    }
}
