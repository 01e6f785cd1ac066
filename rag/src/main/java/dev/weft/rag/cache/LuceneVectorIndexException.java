package dev.weft.rag.cache;

import dev.weft.core.WeftException;

/**
 * The Lucene index behind a {@link LuceneVectorIndex} could not be opened, read or written: an I/O error, a
 * directory locked by another writer, a directory holding an index a {@code LuceneVectorIndex} did not write, or a
 * corrupt file. The message names the index's location; the cause is Lucene's exception.
 */
public class LuceneVectorIndexException extends WeftException {
    private static final long serialVersionUID = 1L;

    public LuceneVectorIndexException(String message) {
        super(message);
    }

    public LuceneVectorIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
