package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;

/**
 * Tokens consumed by one call: what the model read and what it wrote. Immutable.
 *
 * @param inputTokens tokens in the prompt (for embeddings and scoring, every token read)
 * @param outputTokens tokens generated
 */
public record TokenUsage(long inputTokens, long outputTokens) {
    /** No tokens. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0);

    public TokenUsage {
        Preconditions.check(inputTokens >= 0, "inputTokens must be >= 0, was " + inputTokens);
        Preconditions.check(outputTokens >= 0, "outputTokens must be >= 0, was " + outputTokens);
    }

    /** Input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of this usage and {@code other}. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
