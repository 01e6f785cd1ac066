package dev.weft.rag.answer;

import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a sentence by the cosine between its embedding and the question's, embedding the question and all the
 * sentences in one call. Thread-safe as the model is.
 */
record EmbeddingSentenceScorer(EmbeddingModel model) implements SentenceScorer {
    /** Sentence embeddings put a sentence that answers the question above about 0.5, unrelated text below about 0.3. */
    static final double DEFAULT_MIN_SCORE = 0.4;

    @Override
    public double[] score(String question, List<String> sentences) {
        List<String> texts = new ArrayList<>(sentences.size() + 1);
        texts.add(question);
        texts.addAll(sentences);
        List<Embedding> embeddings = model.embed(texts).embeddings();
        Embedding q = embeddings.getFirst();
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = q.cosine(embeddings.get(i + 1));
        }
        return scores;
    }

    @Override
    public double defaultMinScore() {
        return DEFAULT_MIN_SCORE;
    }

    @Override
    public String describe() {
        return "embedding cosine (" + model.info().provider() + ":" + model.info().id() + ")";
    }
}
