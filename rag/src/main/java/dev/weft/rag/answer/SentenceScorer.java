package dev.weft.rag.answer;

import java.util.List;

/** Scores sentences by how well they answer a question; higher is better. Implementations are thread-safe. */
sealed interface SentenceScorer permits EmbeddingSentenceScorer, LexicalSentenceScorer {

    /** One score per sentence, in order. {@code sentences} is not empty and holds no blank text. */
    double[] score(String question, List<String> sentences);

    /** The minimum score a sentence needs when the builder sets none. */
    double defaultMinScore();

    /** What this scorer is, for logs. */
    String describe();
}
