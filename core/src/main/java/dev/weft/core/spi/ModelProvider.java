package dev.weft.core.spi;

import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ClassificationModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ScoringModel;

/**
 * A source of models for one reference scheme ({@code onnx}, {@code openai}, …), found with
 * {@link java.util.ServiceLoader}. Register an implementation in {@code module-info.java}
 * ({@code provides dev.weft.core.spi.ModelProvider with …}) and in
 * {@code META-INF/services/dev.weft.core.spi.ModelProvider} for class-path users.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe, and return a new model on
 * each call (the caller owns and closes it). A capability the provider lacks keeps the default, which throws
 * {@link UnsupportedCapabilityException}.
 */
public interface ModelProvider {

    /** The scheme this provider answers to, such as {@code onnx}. */
    String scheme();

    /** A chat model for {@code ref}. */
    default ChatModel chat(ModelRef ref) {
        throw unsupported("chat", ref);
    }

    /** An embedding model for {@code ref}. */
    default EmbeddingModel embedding(ModelRef ref) {
        throw unsupported("embedding", ref);
    }

    /** A scoring (reranking) model for {@code ref}. */
    default ScoringModel scoring(ModelRef ref) {
        throw unsupported("scoring", ref);
    }

    /** A classification model for {@code ref}. */
    default ClassificationModel classification(ModelRef ref) {
        throw unsupported("classification", ref);
    }

    private UnsupportedCapabilityException unsupported(String kind, ModelRef ref) {
        return new UnsupportedCapabilityException("Provider '" + scheme() + "' offers no " + kind + " models (asked for " + ref + ")");
    }
}
