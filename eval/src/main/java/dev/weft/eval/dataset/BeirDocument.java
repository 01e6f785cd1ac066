package dev.weft.eval.dataset;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Metadata;

/**
 * One document of a BEIR corpus: a line of {@code corpus.jsonl}. Immutable.
 *
 * @param id the document's {@code _id}, as the qrels name it
 * @param title its title; empty when the line has none
 * @param text its body; may be empty
 * @param metadata the line's {@code metadata} object: strings, booleans and numbers as they are, arrays and
 *     nested objects as their JSON text, nulls left out; {@link Metadata#EMPTY} when absent
 */
public record BeirDocument(String id, String title, String text, Metadata metadata) {
    public BeirDocument {
        Preconditions.notBlank(id, "id");
        title = title == null ? "" : title;
        Preconditions.notNull(text, "text");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** A document without title or metadata. */
    public static BeirDocument of(String id, String text) {
        return new BeirDocument(id, "", text, Metadata.EMPTY);
    }

    /**
     * The text to index or embed, as BEIR's own retrievers form it: the title, a space and the text, stripped;
     * the text alone when there is no title.
     */
    public String titleAndText() {
        return title.isEmpty() ? text.strip() : (title + " " + text).strip();
    }
}
