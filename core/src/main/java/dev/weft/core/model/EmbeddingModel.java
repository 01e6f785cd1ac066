package dev.weft.core.model;

import java.util.List;

/**
 * Turns texts into vectors. Implementations are safe for concurrent use.
 *
 * <pre>{@code
 * try (EmbeddingModel model = Models.embedding("onnx:all-minilm-l6-v2")) {
 *     EmbeddingResponse r = model.embed(List.of("first text", "second text"));
 *     float[] v = r.embeddings().get(0).vector();
 * }
 * }</pre>
 */
public interface EmbeddingModel extends AutoCloseable {

    /** What this model is. */
    ModelInfo info();

    /** The length of the vectors it returns. */
    int dimension();

    /**
     * Embeds {@code texts}, returning one embedding per text in the same order. An empty list gives an empty
     * response.
     *
     * @throws dev.weft.core.InvalidInputException if a text is null or blank; the message names its index
     */
    EmbeddingResponse embed(List<String> texts);

    /**
     * Counts tokens as this model's tokenizer does, for sizing chunks. The default is
     * {@link TokenCounter#APPROXIMATE}; models with their tokenizer at hand return an exact counter.
     */
    default TokenCounter tokenCounter() {
        return TokenCounter.APPROXIMATE;
    }

    /** Embeds one text. */
    default Embedding embed(String text) {
        return embed(List.of(text == null ? "" : text)).embeddings().get(0);
    }

    /** Frees what the model holds (native sessions, connections). Closing twice is harmless. */
    @Override
    default void close() {}
}
