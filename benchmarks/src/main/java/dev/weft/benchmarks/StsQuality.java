package dev.weft.benchmarks;

import dev.weft.core.model.Embedding;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentence-similarity quality of every bundled embedding model on the STS Benchmark test split: Spearman
 * correlation between cosine similarity and the gold scores, as MTEB computes it, next to MTEB's published
 * figure. Prints one line per model.
 *
 * <p>Run: {@code ./benchmarks/run StsQuality}
 */
public final class StsQuality {
    /** MTEB's published STSBenchmark (test) Spearman figures. */
    private static final Map<BundledModel, Double> PUBLISHED = Map.of(
            BundledModel.ALL_MINILM_L6_V2, 0.8203,
            BundledModel.ALL_MINILM_L6_V2_Q, 0.8203,
            BundledModel.BGE_SMALL_EN_V15_Q, 0.8586);

    private StsQuality() {}

    public static void main(String[] args) {
        List<StsPair> pairs = StsPair.read(SharedData.file("stsbenchmark/sts-test.csv"));
        List<String> left = pairs.stream().map(StsPair::a).toList();
        List<String> right = pairs.stream().map(StsPair::b).toList();
        double[] gold = pairs.stream().mapToDouble(StsPair::score).toArray();
        double fp32 = Double.NaN;
        for (BundledModel model : List.of(BundledModel.ALL_MINILM_L6_V2, BundledModel.ALL_MINILM_L6_V2_Q,
                BundledModel.BGE_SMALL_EN_V15_Q)) {
            try (OnnxEmbeddingModel embedder = OnnxEmbeddingModel.builder().bundled(model).build()) {
                List<Embedding> a = embedder.embed(left).embeddings();
                List<Embedding> b = embedder.embed(right).embeddings();
                double[] predicted = new double[pairs.size()];
                for (int i = 0; i < predicted.length; i++) {
                    predicted[i] = a.get(i).cosine(b.get(i));
                }
                double rho = SpearmanCorrelation.of(predicted, gold);
                double published = PUBLISHED.get(model);
                String extra = "";
                if (model == BundledModel.ALL_MINILM_L6_V2) {
                    fp32 = rho;
                } else if (model == BundledModel.ALL_MINILM_L6_V2_Q) {
                    extra = String.format(Locale.ROOT, " int8_loss_vs_fp32=%.4f", fp32 - rho);
                }
                System.out.printf(Locale.ROOT, "sts.test.spearman model=%s weft=%.4f published=%.4f delta=%+.4f pairs=%d%s%n",
                        model.id(), rho, published, rho - published, pairs.size(), extra);
            }
        }
    }
}
