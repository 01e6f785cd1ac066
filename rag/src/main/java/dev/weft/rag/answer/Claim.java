package dev.weft.rag.answer;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * One sentence of an answer and the context chunks it cites. Immutable.
 *
 * @param text the sentence, without its citation markers
 * @param sources the chunks the sentence cites, by ascending number; empty when it cites none
 */
public record Claim(String text, List<ContextChunk> sources) {
    public Claim {
        Preconditions.notNull(text, "text");
        sources = Preconditions.immutableList(sources, "sources");
    }

    /** The numbers of the chunks the sentence cites, ascending. */
    public List<Integer> sourceNumbers() {
        return sources.stream().map(ContextChunk::number).toList();
    }

    /** Whether the sentence cites at least one chunk. */
    public boolean isCited() {
        return !sources.isEmpty();
    }
}
