package dev.weft.core.retrieval;

import dev.weft.core.internal.Preconditions;

/**
 * A chunk found for a query, with what is needed to cite it.
 *
 * @param id the chunk's id in its store
 * @param text the chunk's text
 * @param score the retriever's score; higher is better; comparable only within one result list
 * @param metadata the chunk's metadata, including its {@link Metadata#SOURCE}
 */
public record RetrievedChunk(String id, String text, double score, Metadata metadata) {
    public RetrievedChunk {
        Preconditions.notBlank(id, "id");
        Preconditions.notNull(text, "text");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** A retrieved chunk from a store hit. */
    public static RetrievedChunk of(SearchHit hit) {
        StoredChunk c = hit.chunk();
        return new RetrievedChunk(c.id(), c.text(), hit.score(), c.metadata());
    }

    /** Where the chunk came from: source, title and page as far as they are known. */
    public Citation citation() {
        return new Citation(id,
                metadata.getString(Metadata.SOURCE).orElse(""),
                metadata.getString(Metadata.TITLE).orElse(""),
                metadata.getNumber(Metadata.PAGE).map(p -> (int) Math.max(0, Math.min(Integer.MAX_VALUE, p))).orElse(0));
    }
}
