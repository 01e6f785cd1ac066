package dev.weft.core.model;

/**
 * Counts the tokens of a text the way one model's tokenizer does, without special tokens and without
 * truncation. Splitters use it to size chunks in the embedding model's own tokens; budgets and context packing
 * use it to estimate cost. Implementations are thread-safe.
 *
 * <pre>{@code
 * TokenCounter counter = embedder.tokenCounter();
 * int n = counter.count("How many word pieces is this?");
 * }</pre>
 */
@FunctionalInterface
public interface TokenCounter {

    /**
     * An estimate for models whose tokenizer is not at hand: one token per four characters, rounded up, which is
     * the usual rule of thumb for English BPE vocabularies. Not exact; prefer a model's own counter.
     */
    TokenCounter APPROXIMATE = text -> (text.length() + 3) / 4;

    /** The number of tokens in {@code text}, special tokens excluded; 0 for an empty text. */
    int count(String text);
}
