package dev.weft.benchmarks;

import dev.weft.core.model.Embedding;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * 100,000 Quora questions and 1,000 others as queries, embedded once with all-MiniLM-L6-v2 (fp32) and cached under
 * {@code target/cache} of the benchmarks module. Run {@code ./benchmarks/run QqpVectors} to build the cache ahead.
 */
public final class QqpVectors {
    private static final Path CACHE = Path.of("target", "cache");

    private QqpVectors() {}

    static float[][] corpus() {
        return VectorFile.cached(CACHE.resolve("qqp-corpus-100k-minilm.f32"), () -> embed(QqpQuestions.load(100_000, 1_000).corpus()));
    }

    static float[][] queries() {
        return VectorFile.cached(CACHE.resolve("qqp-queries-1k-minilm.f32"), () -> embed(QqpQuestions.load(100_000, 1_000).queries()));
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "qqp.cache corpus=%d queries=%d%n", corpus().length, queries().length);
    }

    private static float[][] embed(List<String> texts) {
        try (OnnxEmbeddingModel model = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2).build()) {
            float[][] out = new float[texts.size()][];
            int step = 2_000;
            for (int from = 0; from < texts.size(); from += step) {
                List<Embedding> batch = model.embed(texts.subList(from, Math.min(texts.size(), from + step))).embeddings();
                for (int i = 0; i < batch.size(); i++) {
                    out[from + i] = batch.get(i).vector();
                }
                System.out.printf(Locale.ROOT, "# embedded %d/%d%n", Math.min(texts.size(), from + step), texts.size());
            }
            return out;
        }
    }
}
