package dev.weft.core.flow;

/**
 * Turns an answer into the form that {@link SelfConsistency} votes on, so that answers differing only in
 * inessentials count as one. Implementations must be thread-safe, and should be idempotent (normalising twice
 * gives what normalising once gave).
 *
 * <pre>{@code
 * AnswerNormaliser keepCase = answer -> answer.strip();
 * }</pre>
 */
@FunctionalInterface
public interface AnswerNormaliser {

    /**
     * The default: runs of Unicode white space become one space, case is folded (upper-cased then lower-cased,
     * in {@link java.util.Locale#ROOT}, so that {@code ß} and {@code SS} agree), and white space and punctuation at
     * the end and white space at the start are removed. {@code "  The answer is  Paris. "} becomes
     * {@code "the answer is paris"}. Idempotent.
     */
    AnswerNormaliser DEFAULT = FoldingNormaliser::normalise;

    /** The normal form of {@code answer}; an empty result counts as no answer. */
    String normalise(String answer);
}
