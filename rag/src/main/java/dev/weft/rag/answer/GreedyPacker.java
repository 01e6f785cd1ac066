package dev.weft.rag.answer;

import dev.weft.core.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Packs retrieved chunks into a token budget, greedily: in the retriever's order, each chunk goes in if it still
 * fits and is skipped if not (a later, shorter one may still fit). A chunk whose id was already packed is skipped.
 * Chunks are never cut. The fuller packer of {@code dev.weft.rag.retrieval} can do more; this one is all an
 * answer needs. Stateless; thread-safe.
 */
final class GreedyPacker {
    private GreedyPacker() {}

    /** What a chunk costs once numbered: {@code cost(new ContextChunk(number, chunk))} tokens. */
    static List<ContextChunk> pack(List<RetrievedChunk> chunks, int budget, ToIntFunction<ContextChunk> cost) {
        List<ContextChunk> packed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long left = budget;
        for (RetrievedChunk chunk : chunks) {
            if (ids.contains(chunk.id())) {
                continue;
            }
            ContextChunk candidate = new ContextChunk(packed.size() + 1, chunk);
            int tokens = cost.applyAsInt(candidate);
            if (tokens <= left) {
                packed.add(candidate);
                ids.add(chunk.id());
                left -= tokens;
            }
        }
        return packed;
    }
}
