package dev.weft.inference.onnx;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.weft.core.model.Embedding;

/**
 * Models loaded once per test JVM and shared by the test classes that only read from them (never closed: the JVM
 * ends with the run). Tests that close or reconfigure a model build their own.
 */
final class SharedModels {
    private static OnnxEmbeddingModel miniLm;
    private static AllMiniLmL6V2EmbeddingModel langChain4jMiniLm;

    private SharedModels() {}

    /** Weft's all-MiniLM-L6-v2 (fp32) with default settings. */
    static synchronized OnnxEmbeddingModel miniLm() {
        if (miniLm == null) {
            miniLm = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2).build();
        }
        return miniLm;
    }

    /** LangChain4j's in-process all-MiniLM-L6-v2, the reference implementation. */
    static synchronized AllMiniLmL6V2EmbeddingModel langChain4jMiniLm() {
        if (langChain4jMiniLm == null) {
            langChain4jMiniLm = new AllMiniLmL6V2EmbeddingModel();
        }
        return langChain4jMiniLm;
    }

    /** LangChain4j's embedding of {@code text}, as a Weft {@link Embedding} (for {@link Embedding#cosine}). */
    static Embedding langChain4j(dev.langchain4j.model.embedding.EmbeddingModel model, String text) {
        return Embedding.of(model.embed(text).content().vector());
    }
}
