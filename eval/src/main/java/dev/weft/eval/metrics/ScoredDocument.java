package dev.weft.eval.metrics;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A document id with the score a retriever gave it for one query; higher is better.
 *
 * @param id the document id, as the qrels name it
 * @param score the retriever's score, finite
 */
public record ScoredDocument(String id, double score) {
    public ScoredDocument {
        Preconditions.notBlank(id, "id");
        Preconditions.check(Double.isFinite(score), "score of document '" + id + "' must be finite, was " + score);
    }

    /**
     * The ids of {@code documents} ranked by descending score; equal scores keep their order in
     * {@code documents} (trec_eval would instead order ties by document id).
     *
     * @throws InvalidInputException if {@code documents} or one of its elements is null
     */
    public static List<String> ranking(List<ScoredDocument> documents) {
        List<ScoredDocument> sorted = new ArrayList<>(Preconditions.immutableList(Preconditions.notNull(documents, "documents"), "documents"));
        sorted.sort(Comparator.comparingDouble(ScoredDocument::score).reversed()); // List.sort is stable
        return sorted.stream().map(ScoredDocument::id).toList();
    }
}
