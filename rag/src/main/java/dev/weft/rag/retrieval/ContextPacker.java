package dev.weft.rag.retrieval;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs retrieved chunks into a token budget for a prompt. Goes through the chunks in rank order and keeps each
 * one whose tokens (its text as the {@link TokenCounter} counts it, plus a fixed per-chunk overhead for the
 * citation marker and separators the prompt adds) still fit; one that does not fit is left out and the next,
 * perhaps shorter, is tried. So the packed chunks never exceed the budget, keep their rank order, and each
 * left-out chunk was too large for what remained at its turn. Kept chunks are numbered from 1 for citation.
 * Thread-safe when the counter is.
 *
 * <pre>{@code
 * ContextPacker packer = ContextPacker.builder(embedder.tokenCounter()).budget(1500).overheadPerChunk(8).build();
 * PackedContext context = packer.pack(retriever.retrieve(query));
 * context.chunks().forEach(p -> prompt.append("[").append(p.number()).append("] ").append(p.chunk().text()));
 * }</pre>
 */
public final class ContextPacker {
    private final TokenCounter counter;
    private final int budget;
    private final int overheadPerChunk;

    private ContextPacker(Builder b) {
        this.counter = b.counter;
        this.budget = b.budget;
        this.overheadPerChunk = b.overheadPerChunk;
    }

    /** A builder counting tokens with {@code counter}, best the one of the model that reads the prompt. */
    public static Builder builder(TokenCounter counter) {
        return new Builder(counter);
    }

    /** Packs {@code ranked} (best first) into the budget. */
    public PackedContext pack(List<RetrievedChunk> ranked) {
        List<RetrievedChunk> chunks = Preconditions.immutableList(ranked, "ranked chunks");
        List<PackedChunk> packed = new ArrayList<>();
        List<RetrievedChunk> omitted = new ArrayList<>();
        int used = 0;
        for (RetrievedChunk c : chunks) {
            long cost = (long) counter.count(c.text()) + overheadPerChunk;
            if (used + cost <= budget) {
                used += (int) cost;
                packed.add(new PackedChunk(packed.size() + 1, c, (int) cost));
            } else {
                omitted.add(c);
            }
        }
        return new PackedContext(packed, omitted, used, budget);
    }

    @Override
    public String toString() {
        return "ContextPacker[budget=" + budget + ", overheadPerChunk=" + overheadPerChunk + "]";
    }

    /** Builds a {@link ContextPacker}. Not thread-safe. */
    public static final class Builder {
        private final TokenCounter counter;
        private int budget = -1;
        private int overheadPerChunk;

        private Builder(TokenCounter counter) {
            this.counter = counter;
        }

        /** The most tokens the packed chunks may take, overheads included; required, >= 1. */
        public Builder budget(int tokens) {
            this.budget = tokens;
            return this;
        }

        /** Tokens added to each chunk's count for what the prompt wraps it in; 0 by default. */
        public Builder overheadPerChunk(int tokens) {
            this.overheadPerChunk = tokens;
            return this;
        }

        public ContextPacker build() {
            Preconditions.notNull(counter, "ContextPacker.builder(counter)");
            Preconditions.check(budget >= 1, "ContextPacker.builder().budget(..) is required and must be >= 1, was " + budget);
            Preconditions.check(overheadPerChunk >= 0,
                    "ContextPacker.builder().overheadPerChunk(..) must be >= 0, was " + overheadPerChunk);
            return new ContextPacker(this);
        }
    }
}
