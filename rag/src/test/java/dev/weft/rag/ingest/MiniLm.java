package dev.weft.rag.ingest;

import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;

/**
 * The real int8 all-MiniLM-L6-v2, loaded once per test JVM and shared by the classes that only read from it
 * (never closed: the JVM ends with the run).
 */
final class MiniLm {
    private static OnnxEmbeddingModel model;

    private MiniLm() {}

    static synchronized OnnxEmbeddingModel model() {
        if (model == null) {
            model = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        }
        return model;
    }
}
