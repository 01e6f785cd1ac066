package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;

/**
 * Says how much to trust an answer, for a {@link ConfidenceGate}: a judge model's grade, a classifier's
 * probability, a heuristic. Higher is more trustworthy; the scale is the scorer's own, the gate's threshold is on
 * the same scale. Implementations must be thread-safe.
 *
 * <pre>{@code
 * ConfidenceScorer notEvasive = (request, response) -> response.text().contains("I'm not sure") ? 0 : 1;
 * }</pre>
 */
@FunctionalInterface
public interface ConfidenceScorer {

    /** The confidence in {@code response} as an answer to {@code request}; NaN counts as below any threshold. */
    double score(ChatRequest request, ChatResponse response);
}
