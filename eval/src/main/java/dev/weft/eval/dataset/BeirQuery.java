package dev.weft.eval.dataset;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Metadata;

/**
 * One query of a BEIR dataset: a line of {@code queries.jsonl}. Immutable.
 *
 * @param id the query's {@code _id}, as the qrels name it
 * @param text the query in natural language
 * @param metadata the line's {@code metadata} object, converted as for {@link BeirDocument#metadata()}
 */
public record BeirQuery(String id, String text, Metadata metadata) {
    public BeirQuery {
        Preconditions.notBlank(id, "id");
        Preconditions.notNull(text, "text");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** A query without metadata. */
    public static BeirQuery of(String id, String text) {
        return new BeirQuery(id, text, Metadata.EMPTY);
    }
}
