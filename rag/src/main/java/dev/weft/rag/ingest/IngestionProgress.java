package dev.weft.rag.ingest;

import java.time.Duration;

/**
 * Where a run of the pipeline stands. Immutable.
 *
 * @param documentsDone documents settled so far: written, found unchanged, failed or deleted
 * @param documentsTotal documents the source listed plus those to delete
 * @param chunksEmbedded chunks embedded so far
 * @param tokensEmbedded tokens the embedding model read so far, as it reported them
 * @param elapsed time since the run began
 */
public record IngestionProgress(int documentsDone, int documentsTotal, long chunksEmbedded, long tokensEmbedded, Duration elapsed) {

    /** Chunks embedded per second so far; 0 before any time has passed. */
    public double chunksPerSecond() {
        return perSecond(chunksEmbedded);
    }

    /** Tokens embedded per second so far; 0 before any time has passed. */
    public double tokensPerSecond() {
        return perSecond(tokensEmbedded);
    }

    private double perSecond(long count) {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }
}
