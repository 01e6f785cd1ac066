package dev.weft.rag.ingest;

import dev.weft.core.ResourceClosedException;
import dev.weft.core.WeftException;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.VectorStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of an {@link IngestionPipeline}: compare the source with the manifest, ingest the difference. */
final class IngestionRun {
    private static final Logger log = LoggerFactory.getLogger(IngestionRun.class);

    private final DocumentSource source;
    private final DocumentLoaders loaders;
    private final Splitter splitter;
    private final EmbeddingModel model;
    private final VectorStore store;
    private final IngestionManifest manifest;
    private final int batchSize;
    private final ProgressListener listener;

    private final long startNanos = System.nanoTime();
    private final List<IngestionFailure> failures = new ArrayList<>();
    private final Map<String, IngestionManifest.Entry> ingested = new TreeMap<>();
    private int added;
    private int updated;
    private int unchanged;
    private int deleted;
    private int documentsDone;
    private int documentsTotal;
    private long chunks;
    private long tokens;
    private boolean listenerFailed;

    IngestionRun(DocumentSource source, DocumentLoaders loaders, Splitter splitter, EmbeddingModel model,
            VectorStore store, IngestionManifest manifest, int batchSize, ProgressListener listener) {
        this.source = source;
        this.loaders = loaders;
        this.splitter = splitter;
        this.model = model;
        this.store = store;
        this.manifest = manifest;
        this.batchSize = batchSize;
        this.listener = listener;
    }

    IngestionReport run() {
        IngestionManifest.State before = manifest.load();
        String settings = "model=" + model.info().provider() + ":" + model.info().id() + ", dimension=" + model.dimension()
                + ", splitter=" + splitter.fingerprint();
        boolean settingsChanged = !before.documents().isEmpty() && !before.settings().equals(settings);
        if (settingsChanged) {
            log.info("Ingestion settings changed from [{}] to [{}]: every document is ingested anew", before.settings(), settings);
        }
        List<SourceEntry> entries = list();
        Set<String> listed = new HashSet<>();
        for (SourceEntry entry : entries) {
            listed.add(entry.id());
        }
        List<String> gone = before.documents().keySet().stream().filter(id -> !listed.contains(id)).toList();
        documentsTotal = entries.size() + gone.size();

        EmbeddingBatcher batcher = new EmbeddingBatcher(model, store, batchSize, store.size() > 0, this::written, this::embedded);
        for (SourceEntry entry : entries) {
            IngestionManifest.Entry previous = before.documents().get(entry.id());
            boolean kept = ingest(entry, previous, settingsChanged, batcher);
            if (!kept && previous != null) {
                ingested.put(entry.id(), previous); // failed: what was stored stays, and so does its record
            }
        }
        batcher.flush();
        for (String id : gone) {
            store.deleteWhere(Filter.eq(Chunk.DOCUMENT_ID, id));
            deleted++;
            settled();
        }
        store.commit();
        manifest.save(new IngestionManifest.State(settings, ingested));
        IngestionReport report = new IngestionReport(added, updated, unchanged, deleted, chunks, tokens, elapsed(), failures);
        log.info("Ingested {}: {} added, {} updated, {} unchanged, {} deleted, {} failed; {} chunks, {} tokens in {} ms",
                source, added, updated, unchanged, deleted, failures.size(), chunks, tokens, report.elapsed().toMillis());
        return report;
    }

    private List<SourceEntry> list() {
        List<SourceEntry> entries;
        try {
            entries = List.copyOf(source.list());
        } catch (IOException e) {
            throw new WeftException("Cannot list the documents of " + source + ": " + e.getMessage()
                    + "; nothing was changed. Check that the source is readable and run again", e);
        }
        Set<String> ids = new HashSet<>();
        for (SourceEntry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new WeftException("The source " + source + " lists the document id '" + entry.id()
                        + "' twice; ids must be unique. Nothing was changed");
            }
        }
        return entries;
    }

    /** Settles or queues one entry; false when it failed. */
    private boolean ingest(SourceEntry entry, IngestionManifest.Entry previous, boolean settingsChanged, EmbeddingBatcher batcher) {
        RawDocument raw;
        try {
            raw = RawDocument.of(entry.id(), entry.location(), entry.mediaType().orElse(null), entry.read());
        } catch (IOException | RuntimeException e) {
            return fail(entry, "cannot be read: " + describe(e));
        }
        if (previous != null && !settingsChanged && previous.contentHash().equals(raw.contentHash())) {
            ingested.put(entry.id(), previous);
            unchanged++;
            settled();
            return true;
        }
        DocumentLoader loader = loaders.find(raw).orElse(null);
        if (loader == null) {
            return fail(entry, "no loader reads this type (extension '" + raw.extension() + "'"
                    + raw.mediaType().map(t -> ", media type " + t).orElse("") + "); add one to the pipeline's loaders");
        }
        List<Chunk> split;
        try {
            Document document = loader.load(raw);
            if (!document.id().equals(entry.id())) {
                return fail(entry, "the " + loader.format() + " loader returned a document with id '" + document.id() + "'");
            }
            split = splitter.split(document);
        } catch (ResourceClosedException e) {
            throw e; // the splitter's token counter (its model) is closed: every document would fail alike
        } catch (IOException | RuntimeException e) {
            return fail(entry, "cannot be loaded as " + loader.format() + ": " + describe(e));
        }
        batcher.add(new EmbeddingBatcher.Pending(entry.id(), raw.contentHash(), previous != null, split));
        return true;
    }

    private boolean fail(SourceEntry entry, String reason) {
        log.warn("Skipping {}: {}", entry.location(), reason);
        failures.add(new IngestionFailure(entry.id(), entry.location(), reason));
        settled();
        return false;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void written(EmbeddingBatcher.Pending document) {
        ingested.put(document.id(), new IngestionManifest.Entry(document.contentHash(), document.chunks().size()));
        if (document.replaces()) {
            updated++;
        } else {
            added++;
        }
        settled();
    }

    private void embedded(int chunkCount, long tokenCount) {
        chunks += chunkCount;
        tokens += tokenCount;
        report();
    }

    private void settled() {
        documentsDone++;
        report();
    }

    private void report() {
        IngestionProgress progress = new IngestionProgress(documentsDone, documentsTotal, chunks, tokens, elapsed());
        try {
            listener.onProgress(progress);
        } catch (RuntimeException e) {
            if (!listenerFailed) { // once per run: a broken listener would otherwise flood the log
                listenerFailed = true;
                log.warn("Progress listener {} failed; ingestion goes on, and further failures of it this run are not logged", listener, e);
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
