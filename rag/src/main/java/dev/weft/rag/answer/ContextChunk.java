package dev.weft.rag.answer;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Citation;
import dev.weft.core.retrieval.RetrievedChunk;

/**
 * A retrieved chunk as it was given to the answerer: under its number, the {@code n} of the {@code [n]} markers
 * that cite it. Immutable.
 *
 * @param number the chunk's number in the context, from 1
 * @param chunk the chunk
 */
public record ContextChunk(int number, RetrievedChunk chunk) {
    public ContextChunk {
        Preconditions.check(number >= 1, "a context chunk's number must be >= 1, was " + number);
        Preconditions.notNull(chunk, "chunk");
    }

    /** Where the chunk came from, for showing to a person. */
    public Citation citation() {
        return chunk.citation();
    }
}
