package dev.weft.core;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ClassificationModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ScoringModel;
import dev.weft.core.spi.ModelProvider;
import dev.weft.core.spi.ModelRef;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Resolves model references ({@code scheme:name?key=value}) to models through the {@link ModelProvider}s on the
 * class or module path. Programmatic builders (such as {@code OnnxEmbeddingModel.builder()}) remain the
 * primary API; references are for configuration files and command lines.
 *
 * <pre>{@code
 * try (EmbeddingModel embedder = Models.embedding("onnx:all-minilm-l6-v2")) { … }
 * }</pre>
 *
 * <p>Providers are discovered once, on first use. Each call returns a new model that the caller closes.
 * Thread-safe.
 */
public final class Models {
    private Models() {}

    /** A chat model for {@code reference}. */
    public static ChatModel chat(String reference) {
        return resolve(reference, ModelProvider::chat);
    }

    /** An embedding model for {@code reference}. */
    public static EmbeddingModel embedding(String reference) {
        return resolve(reference, ModelProvider::embedding);
    }

    /** A scoring (reranking) model for {@code reference}. */
    public static ScoringModel scoring(String reference) {
        return resolve(reference, ModelProvider::scoring);
    }

    /** A classification model for {@code reference}. */
    public static ClassificationModel classification(String reference) {
        return resolve(reference, ModelProvider::classification);
    }

    /** The registered providers by scheme. */
    public static Map<String, ModelProvider> providers() {
        return Registry.PROVIDERS;
    }

    /** The provider for {@code scheme}; {@link ModelNotFoundException} naming the known schemes if there is none. */
    public static ModelProvider provider(String scheme) {
        Preconditions.notNull(scheme, "scheme");
        ModelProvider p = Registry.PROVIDERS.get(scheme);
        if (p == null) {
            throw new ModelNotFoundException("No model provider for scheme '" + scheme + "'. Registered schemes: "
                    + Registry.PROVIDERS.keySet() + ". Add the Weft module that provides it (for example weft-inference-onnx for onnx:) to the class path.");
        }
        return p;
    }

    private static <T> T resolve(String reference, BiFunction<ModelProvider, ModelRef, T> kind) {
        ModelRef ref = ModelRef.parse(reference);
        return kind.apply(provider(ref.scheme()), ref);
    }

    /** Loads the providers lazily, once. */
    private static final class Registry {
        static final Map<String, ModelProvider> PROVIDERS = load();

        private static Map<String, ModelProvider> load() {
            Map<String, ModelProvider> byScheme = new TreeMap<>();
            for (ModelProvider p : ServiceLoader.load(ModelProvider.class, Models.class.getClassLoader())) {
                ModelProvider previous = byScheme.putIfAbsent(p.scheme(), p);
                if (previous != null) {
                    throw new WeftException("Two model providers claim scheme '" + p.scheme() + "': "
                            + previous.getClass().getName() + " and " + p.getClass().getName() + "; remove one from the class path");
                }
            }
            return Collections.unmodifiableMap(byScheme);
        }
    }
}
