package dev.weft.rag.ingest;

import java.io.IOException;
import java.util.Optional;

/**
 * One document a {@link DocumentSource} offers, not yet read. Implementations are thread-safe.
 */
public interface SourceEntry {

    /** The document's id, unique within its source and stable across runs (for files, the relative path). */
    String id();

    /** Where it lives, a path or URI, recorded as the chunks' {@link dev.weft.core.retrieval.Metadata#SOURCE}. */
    String location();

    /** Its media type when the source knows it (as a web server would say), such as {@code text/html}. */
    default Optional<String> mediaType() {
        return Optional.empty();
    }

    /**
     * Reads its bytes.
     *
     * @throws IOException when it cannot be read; the pipeline reports the entry as failed and keeps whatever it
     *     had stored for it
     */
    byte[] read() throws IOException;
}
