package dev.weft.rag.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Where documents come from: a directory tree ({@link DirectorySource}), a bucket, a wiki. Lists every document it
 * holds now, so that the pipeline can also tell which ones were deleted. Implementations are thread-safe.
 */
@FunctionalInterface
public interface DocumentSource {

    /**
     * Every entry the source holds, in a deterministic order, ids unique.
     *
     * @throws IOException when the source itself cannot be listed; the pipeline then stops before changing the
     *     store, since it cannot tell what was deleted
     */
    List<SourceEntry> list() throws IOException;
}
