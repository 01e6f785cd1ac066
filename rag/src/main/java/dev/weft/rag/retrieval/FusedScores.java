package dev.weft.rag.retrieval;

import dev.weft.core.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The score terms a {@link Fusion} gives each chunk, summed in ascending order so that the sum, and so the fused
 * order, does not depend on the order the rankings came in. Not thread-safe: one per fusion.
 */
final class FusedScores {
    private static final Comparator<RetrievedChunk> BEST_FIRST =
            Comparator.comparingDouble(RetrievedChunk::score).reversed().thenComparing(RetrievedChunk::id);

    private final Map<String, RetrievedChunk> first = new LinkedHashMap<>();
    private final Map<String, List<Double>> terms = new LinkedHashMap<>();

    /** Adds {@code term} to the score of {@code chunk}; the first chunk added under an id gives the text and metadata. */
    void add(RetrievedChunk chunk, double term) {
        first.putIfAbsent(chunk.id(), chunk);
        terms.computeIfAbsent(chunk.id(), id -> new ArrayList<>()).add(term);
    }

    /** The chunks with their summed scores, best first, ties by ascending id. */
    List<RetrievedChunk> ranked() {
        List<RetrievedChunk> fused = new ArrayList<>(first.size());
        first.forEach((id, c) -> {
            List<Double> parts = terms.get(id);
            parts.sort(null);
            double sum = 0;
            for (double p : parts) {
                sum += p;
            }
            fused.add(new RetrievedChunk(id, c.text(), sum, c.metadata()));
        });
        fused.sort(BEST_FIRST);
        return fused;
    }
}
