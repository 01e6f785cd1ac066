package dev.weft.benchmarks;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.weft.core.model.Embedding;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Weft's {@link OnnxEmbeddingModel} against LangChain4j's in-process model, side by side: same model files,
 * same texts, same thread budget, same JVM, runs alternating so that neither gets the warmer machine.
 * Prints one line per figure.
 *
 * <p>Run: {@code ./benchmarks/run EmbeddingSideBySide [texts=2000] [rounds=5] [singles=300]}
 */
public final class EmbeddingSideBySide {
    private EmbeddingSideBySide() {}

    public static void main(String[] args) {
        int textCount = arg(args, 0, 2000);
        int rounds = arg(args, 1, 5);
        int singles = arg(args, 2, 300);
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> texts = BenchmarkTexts.sentences(textCount, 42);
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        System.out.printf(Locale.ROOT, "# %d STS-B sentences, %d rounds, %d threads, Java %s%n", textCount, rounds, threads,
                Runtime.version());

        ExecutorService lc4jPool = Executors.newFixedThreadPool(threads);
        try (OnnxEmbeddingModel weft = weft(BundledModel.ALL_MINILM_L6_V2, threads);
             OnnxEmbeddingModel weftQ = weft(BundledModel.ALL_MINILM_L6_V2_Q, threads)) {
            AllMiniLmL6V2EmbeddingModel lc4j = new AllMiniLmL6V2EmbeddingModel(lc4jPool);
            AllMiniLmL6V2QuantizedEmbeddingModel lc4jQ = new AllMiniLmL6V2QuantizedEmbeddingModel(lc4jPool);

            // Identical vectors: every text here is shorter than LangChain4j's 128-token cut.
            List<Embedding> ours = weft.embed(texts).embeddings();
            List<dev.langchain4j.data.embedding.Embedding> theirs = lc4j.embedAll(segments).content();
            double minCosine = 1;
            for (int i = 0; i < texts.size(); i++) {
                minCosine = Math.min(minCosine, ours.get(i).cosine(Embedding.of(theirs.get(i).vector())));
            }
            long maxTokens = ours.stream().mapToLong(Embedding::tokenCount).max().orElse(0);
            System.out.printf(Locale.ROOT, "embed.identity min_cosine_weft_vs_langchain4j=%.6f texts=%d longest_tokens=%d%n",
                    minCosine, texts.size(), maxTokens);

            double[] weftRate = new double[rounds];
            double[] lc4jRate = new double[rounds];
            double[] weftQRate = new double[rounds];
            double[] lc4jQRate = new double[rounds];
            // Warm-up: one pass each.
            weft.embed(texts);
            lc4j.embedAll(segments);
            weftQ.embed(texts);
            lc4jQ.embedAll(segments);
            for (int r = 0; r < rounds; r++) {
                weftRate[r] = rate(texts.size(), () -> weft.embed(texts));
                lc4jRate[r] = rate(texts.size(), () -> lc4j.embedAll(segments));
                weftQRate[r] = rate(texts.size(), () -> weftQ.embed(texts));
                lc4jQRate[r] = rate(texts.size(), () -> lc4jQ.embedAll(segments));
            }
            double w = Percentiles.median(weftRate);
            double l = Percentiles.median(lc4jRate);
            double wq = Percentiles.median(weftQRate);
            double lq = Percentiles.median(lc4jQRate);
            System.out.printf(Locale.ROOT, "embed.batch.texts_per_s model=all-minilm-l6-v2 weft=%.1f langchain4j=%.1f ratio=%.2f (target >= 1.5)%n",
                    w, l, w / l);
            System.out.printf(Locale.ROOT, "embed.batch.texts_per_s model=all-minilm-l6-v2-q weft=%.1f langchain4j=%.1f ratio=%.2f%n",
                    wq, lq, wq / lq);
            System.out.printf(Locale.ROOT, "embed.batch.int8_vs_fp32 weft_int8=%.1f weft_fp32=%.1f ratio=%.2f (target >= 2)%n",
                    wq, w, wq / w);

            long[] weftSingle = new long[singles];
            long[] lc4jSingle = new long[singles];
            for (int i = 0; i < 20; i++) { // warm-up
                weft.embed(texts.get(i));
                lc4j.embed(texts.get(i));
            }
            for (int i = 0; i < singles; i++) {
                String text = texts.get(i % texts.size());
                weftSingle[i] = nanos(text, weft::embed);
                lc4jSingle[i] = nanos(text, lc4j::embed);
            }
            Percentiles ws = new Percentiles(weftSingle);
            Percentiles ls = new Percentiles(lc4jSingle);
            System.out.printf(Locale.ROOT, "embed.single.latency_us p50 weft=%.0f langchain4j=%.0f ratio=%.2f%n",
                    ws.micros(50), ls.micros(50), ls.micros(50) / ws.micros(50));
            System.out.printf(Locale.ROOT, "embed.single.latency_us p99 weft=%.0f langchain4j=%.0f ratio=%.2f%n",
                    ws.micros(99), ls.micros(99), ls.micros(99) / ws.micros(99));
        } finally {
            lc4jPool.shutdownNow();
        }
    }

    private static OnnxEmbeddingModel weft(BundledModel model, int threads) {
        return OnnxEmbeddingModel.builder().bundled(model).intraOpThreads(threads).build();
    }

    private static double rate(int count, Runnable run) {
        long start = System.nanoTime();
        run.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static long nanos(String text, Consumer<String> embed) {
        long start = System.nanoTime();
        embed.accept(text);
        return System.nanoTime() - start;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index && !args[index].isBlank() ? Integer.parseInt(args[index]) : fallback;
    }
}
