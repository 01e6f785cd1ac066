package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import java.time.Duration;
import java.util.List;

/**
 * What one run of the pipeline did. Immutable.
 *
 * @param added documents new to the store
 * @param updated documents whose content (or the pipeline's settings) changed, whose old chunks were replaced
 * @param unchanged documents skipped because their content hash was unchanged
 * @param deleted documents gone from the source, whose chunks were removed
 * @param chunks chunks embedded and written
 * @param tokens tokens the embedding model read, as it reported them
 * @param elapsed how long the run took
 * @param failures documents not ingested and why (unreadable, no loader for the type, malformed); the rest were
 */
public record IngestionReport(int added, int updated, int unchanged, int deleted, long chunks, long tokens,
        Duration elapsed, List<IngestionFailure> failures) {

    public IngestionReport {
        failures = Preconditions.immutableList(failures, "failures");
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** Documents that are up to date in the store after this run: added, updated and unchanged. */
    public int documents() {
        return added + updated + unchanged;
    }

    /** Whether any document failed. */
    public boolean hasFailures() {
        return !failures.isEmpty();
    }
}
