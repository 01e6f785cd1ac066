package dev.weft.rag.retrieval;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Citation;
import dev.weft.core.retrieval.RetrievedChunk;

/**
 * A chunk placed in a prompt's context.
 *
 * @param number its citation number in the context, from 1 in rank order
 * @param chunk the chunk, with its score and metadata
 * @param tokens the tokens it takes, per-chunk overhead included
 */
public record PackedChunk(int number, RetrievedChunk chunk, int tokens) {
    public PackedChunk {
        Preconditions.check(number >= 1, "number must be >= 1, was " + number);
        Preconditions.notNull(chunk, "chunk");
        Preconditions.check(tokens >= 0, "tokens must be >= 0, was " + tokens);
    }

    /** Where the chunk came from, for showing beside its number. */
    public Citation citation() {
        return chunk.citation();
    }
}
