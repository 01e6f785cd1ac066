package dev.weft.core.model;

import java.util.List;

/** Assigns label probabilities to texts (injection detection, routing, moderation). Safe for concurrent use. */
public interface ClassificationModel extends AutoCloseable {

    /** What this model is. */
    ModelInfo info();

    /** The labels this model assigns. */
    List<String> labels();

    /** Classifies each of {@code texts}; one classification per text, same order. */
    ClassificationResponse classify(List<String> texts);

    /** Classifies one text. */
    default Classification classify(String text) {
        return classify(List.of(text == null ? "" : text)).classifications().get(0);
    }

    /** Frees what the model holds. Closing twice is harmless. */
    @Override
    default void close() {}
}
