package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Metadata;
import java.util.List;
import java.util.Optional;

/**
 * A loaded document: its text as one string, what is known about it, and where its pages begin. Immutable and
 * thread-safe.
 *
 * <p>A paged document (a PDF) keeps all its pages in one {@link #text()}, separated by a blank line, and
 * {@link #pageStarts()} says at which character each page begins; splitters turn that into the
 * {@link Metadata#PAGE} of each chunk, so that a citation names the page. One document per file keeps the
 * document id equal to the file's path, so a changed file replaces exactly its own chunks.
 *
 * <pre>{@code
 * Document doc = Document.of("notes/today.txt", "First paragraph.\n\nSecond.", Metadata.of("source", "notes/today.txt"));
 * }</pre>
 *
 * @param id unique within a source; for files, the path relative to the source's root with {@code /} separators
 * @param text the text to split, may be empty
 * @param metadata the document's facts: {@link Metadata#SOURCE}, {@link Metadata#TITLE} where known,
 *     {@link #FORMAT}; copied onto every chunk
 * @param pageStarts for paged documents, the offset in {@code text} at which each page begins (page 1 at index 0,
 *     non-decreasing, the first is 0); empty for documents without pages
 * @param contentHash identifies the content the document was made from: the SHA-256 of the source's bytes for
 *     loaded documents, of the text and metadata for {@link #of}; the pipeline re-ingests a document when it changes
 */
public record Document(String id, String text, Metadata metadata, List<Integer> pageStarts, String contentHash) {
    /** Metadata key of the format a loader read: {@code text}, {@code markdown}, {@code html} or {@code pdf}. */
    public static final String FORMAT = "format";

    public Document {
        Preconditions.notBlank(id, "document id");
        Preconditions.notNull(text, "text of document '" + id + "'");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        pageStarts = Preconditions.immutableList(pageStarts, "pageStarts of document '" + id + "'");
        for (int i = 0; i < pageStarts.size(); i++) {
            int start = pageStarts.get(i);
            int previous = i == 0 ? 0 : pageStarts.get(i - 1);
            Preconditions.check(start >= previous && start <= text.length() && (i > 0 || start == 0),
                    "pageStarts of document '" + id + "' must begin at 0, never decrease and stay within the text's "
                            + text.length() + " characters; page " + (i + 1) + " starts at " + start);
        }
        Preconditions.notBlank(contentHash, "contentHash of document '" + id + "'");
    }

    /** A document without pages whose content hash is computed from {@code text} and {@code metadata}. */
    public static Document of(String id, String text, Metadata metadata) {
        Preconditions.notNull(text, "text of document '" + id + "'");
        Metadata m = metadata == null ? Metadata.EMPTY : metadata;
        return new Document(id, text, m, List.of(), ContentHash.of(text + '\u0000' + m));
    }

    /** The page (from 1) that the character at {@code offset} sits on; 0 for a document without pages. */
    public int pageAt(int offset) {
        if (pageStarts.isEmpty()) {
            return 0;
        }
        int low = 0;
        int high = pageStarts.size() - 1;
        while (low < high) { // the last page whose start is <= offset
            int mid = (low + high + 1) >>> 1;
            if (pageStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /** How many pages the document has; 0 when it has none. */
    public int pageCount() {
        return pageStarts.size();
    }

    /** The title, when the loader found one. */
    public Optional<String> title() {
        return metadata.getString(Metadata.TITLE);
    }
}
