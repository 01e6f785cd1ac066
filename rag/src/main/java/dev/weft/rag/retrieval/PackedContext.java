package dev.weft.rag.retrieval;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.retrieval.Citation;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.List;

/**
 * What a {@link ContextPacker} put into the budget, and what it left out. Immutable.
 *
 * @param chunks the packed chunks, in rank order, numbered from 1
 * @param omitted the chunks that did not fit, in rank order
 * @param tokens the tokens the packed chunks take; never more than {@code budget}
 * @param budget the budget they were packed into
 */
public record PackedContext(List<PackedChunk> chunks, List<RetrievedChunk> omitted, int tokens, int budget) {
    public PackedContext {
        chunks = Preconditions.immutableList(chunks, "chunks");
        omitted = Preconditions.immutableList(omitted, "omitted");
        Preconditions.check(tokens >= 0 && tokens <= budget, "tokens must be 0 to the budget " + budget + ", was " + tokens);
    }

    /** The citations of the packed chunks, in their numbering order. */
    public List<Citation> citations() {
        return chunks.stream().map(PackedChunk::citation).toList();
    }
}
