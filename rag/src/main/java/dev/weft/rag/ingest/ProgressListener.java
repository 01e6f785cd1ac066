package dev.weft.rag.ingest;

/**
 * Hears how a pipeline run advances: after each document is settled and after each embedded batch. Called on the
 * thread running the pipeline; keep it quick. An exception it throws is logged and otherwise ignored.
 *
 * <pre>{@code
 * ProgressListener log = p -> System.out.printf("%d/%d documents, %.0f chunks/s%n",
 *         p.documentsDone(), p.documentsTotal(), p.chunksPerSecond());
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** Hears nothing. */
    ProgressListener NONE = progress -> {};

    /** The run's state now. */
    void onProgress(IngestionProgress progress);
}
