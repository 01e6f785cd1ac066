package dev.weft.rag.lucene;

import dev.weft.core.WeftException;

/**
 * The Lucene index behind a {@link LuceneStore} could not be opened, read or written: an I/O error, a directory
 * locked by another writer, an index that a {@code LuceneStore} did not create, or a corrupt file. The message
 * names the index's location; the cause is Lucene's exception.
 */
public class LuceneStoreException extends WeftException {
    private static final long serialVersionUID = 1L;

    public LuceneStoreException(String message) {
        super(message);
    }

    public LuceneStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
