package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * Relevance scores of candidates for one query, in the candidates' order. Higher is more relevant; the scale
 * is the model's own (logits for most cross-encoders). Immutable.
 *
 * @param scores one per candidate, same order
 * @param usage tokens read
 */
public record ScoringResponse(List<Double> scores, TokenUsage usage) {
    public ScoringResponse {
        scores = Preconditions.immutableList(scores, "scores");
        usage = usage == null ? TokenUsage.ZERO : usage;
    }
}
