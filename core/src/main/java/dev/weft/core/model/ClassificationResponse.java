package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * Classifications of a list of texts, in the caller's order. Immutable.
 *
 * @param classifications one per text
 * @param usage tokens read
 */
public record ClassificationResponse(List<Classification> classifications, TokenUsage usage) {
    public ClassificationResponse {
        classifications = Preconditions.immutableList(classifications, "classifications");
        usage = usage == null ? TokenUsage.ZERO : usage;
    }
}
