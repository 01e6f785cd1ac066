package dev.weft.langchain4j;

import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;

/**
 * The real int8 all-MiniLM-L6-v2 (384 dimensions), loaded once per test JVM and shared by the classes that only
 * read from it (never closed: the JVM ends with the run).
 */
final class MiniLm {
    static final int DIMENSION = 384;
    private static OnnxEmbeddingModel model;

    private MiniLm() {}

    static synchronized OnnxEmbeddingModel model() {
        if (model == null) {
            model = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        }
        return model;
    }
}
