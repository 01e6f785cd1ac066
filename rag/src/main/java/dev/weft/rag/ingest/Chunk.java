package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Metadata;

/**
 * A piece of a document sized for the embedding model: its text, where it sits in the document and the metadata
 * it is stored with. Immutable and thread-safe.
 *
 * <p>{@code text} is exactly {@code document.text().substring(start, end)}: splitters cut, they never rewrite.
 * The metadata holds the document's metadata plus {@link #DOCUMENT_ID}, {@link #INDEX}, {@link #START},
 * {@link #END}, and where they apply {@link Metadata#PAGE} and {@link #LAST_PAGE} (paged documents) and the
 * enclosing headers ({@code h1}…{@code h6}, {@link #SECTION}) from the Markdown header splitter.
 *
 * @param documentId the id of the document it was cut from
 * @param index its position among the document's chunks, from 0
 * @param text its text, never blank
 * @param start offset of its first character in the document's text
 * @param end offset just past its last character
 * @param metadata what it is stored with
 */
public record Chunk(String documentId, int index, String text, int start, int end, Metadata metadata) {
    /** Metadata key of the document's id, which the pipeline deletes a document's chunks by. */
    public static final String DOCUMENT_ID = "doc.id";
    /** Metadata key of the chunk's index in its document. */
    public static final String INDEX = "chunk.index";
    /** Metadata key of the chunk's start offset in its document's text. */
    public static final String START = "chunk.start";
    /** Metadata key of the chunk's end offset (exclusive) in its document's text. */
    public static final String END = "chunk.end";
    /** Metadata key of the page the chunk ends on, present when it differs from {@link Metadata#PAGE}. */
    public static final String LAST_PAGE = "page.last";
    /** Metadata key of the chunk's header path, such as {@code Install > Linux}. */
    public static final String SECTION = "section";

    public Chunk {
        Preconditions.notBlank(documentId, "documentId");
        Preconditions.check(index >= 0, "chunk index must be >= 0, was " + index);
        Preconditions.notNull(text, "text");
        Preconditions.check(start >= 0 && end - start == text.length(),
                "chunk " + documentId + "#" + index + " spans [" + start + ", " + end + ") but holds " + text.length() + " characters");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** The chunk's id in a store, {@code documentId#index}: stable as long as the document and splitter are. */
    public String id() {
        return id(documentId, index);
    }

    /** The id of chunk {@code index} of document {@code documentId}. */
    public static String id(String documentId, int index) {
        return documentId + "#" + index;
    }
}
