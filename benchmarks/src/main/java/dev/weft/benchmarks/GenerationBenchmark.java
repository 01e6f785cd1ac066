package dev.weft.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Sampling;
import dev.weft.inference.onnx.OnnxChatModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Local generation speed on {@code tiny-lm} (4 layers × 4 heads × 128 wide, see {@code shared/models/README.md}),
 * one ONNX Runtime intra-op thread, greedy decoding with end-of-sequence ignored so that every answer has the
 * asked length. Prints one line per figure:
 * <ol>
 *   <li>time to first token and time per output token, p50/p99, for prompts of 16, 128 and 512 tokens generating
 *       128 tokens, streamed;</li>
 *   <li>tokens/s for {@code chatBatch} of 1, 4 and 16 equal-length prompts;</li>
 *   <li>the attention cache's speed-up over recomputing the whole sequence, at 256 generated tokens;</li>
 *   <li>Weft's per-step overhead over a bare {@code OrtSession.run} greedy loop of the same shapes, runs
 *       interleaved in the same JVM (target &le; 10%).</li>
 * </ol>
 * Prompts are SciFact abstracts cut to the exact token count. The model folder is {@code -Dweft.models} (or
 * {@code $WEFT_MODELS}), else {@code models} beside the shared data folder.
 *
 * <p>Run: {@code ./benchmarks/run GenerationBenchmark [runs=20] [batchRounds=3] [noCacheRuns=3]}
 */
public final class GenerationBenchmark {
    private static final int ANSWER_TOKENS = 128;
    private static final int CACHE_ANSWER_TOKENS = 256;
    private static final int WARMUP = 3;

    private GenerationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = arg(args, 0, 20);
        int batchRounds = arg(args, 1, 3);
        int noCacheRuns = arg(args, 2, 3);
        Path dir = SharedModels.model("tiny-lm");
        System.out.printf(Locale.ROOT, "# %s, 1 intra-op thread, greedy, eos ignored, %d runs after %d warm-up, Java %s%n",
                dir, runs, WARMUP, Runtime.version());

        try (OnnxChatModel model = model(dir, true, 16)) {
            ExactLengthPrompts prompts = new ExactLengthPrompts(model.tokenCounter());
            latency(model, prompts, runs);
            throughput(dir, prompts, batchRounds);
            try (OnnxChatModel recomputing = model(dir, false, 1)) {
                cacheSpeedUp(model, recomputing, prompts.next(1, 128).getFirst(), noCacheRuns);
            }
            overhead(model, dir, prompts.next(1, 128).getFirst(), runs);
        }
    }

    /** Figure 1: TTFT and TPOT, p50/p99, streamed. */
    private static void latency(OnnxChatModel model, ExactLengthPrompts prompts, int runs) {
        for (int promptTokens : new int[] {16, 128, 512}) {
            List<String> texts = prompts.next(runs + WARMUP, promptTokens);
            long[] ttft = new long[runs];
            long[] tpot = new long[runs];
            for (int i = 0; i < runs + WARMUP; i++) {
                ChatResponse r = stream(model, request(texts.get(i), ANSWER_TOKENS));
                checkLength(r, ANSWER_TOKENS);
                if (i >= WARMUP) {
                    ttft[i - WARMUP] = r.timings().timeToFirstToken().toNanos();
                    tpot[i - WARMUP] = r.timings().timePerOutputToken(r.usage().outputTokens()).toNanos();
                }
            }
            Percentiles t = new Percentiles(ttft);
            Percentiles p = new Percentiles(tpot);
            System.out.printf(Locale.ROOT, "generate.ttft_ms prompt=%d answer=%d p50=%.2f p99=%.2f%n",
                    promptTokens, ANSWER_TOKENS, t.micros(50) / 1e3, t.micros(99) / 1e3);
            System.out.printf(Locale.ROOT, "generate.tpot_ms prompt=%d answer=%d p50=%.3f p99=%.3f%n",
                    promptTokens, ANSWER_TOKENS, p.micros(50) / 1e3, p.micros(99) / 1e3);
        }
    }

    /** Figure 2: generated tokens/s for batches of equal-length prompts. */
    private static void throughput(Path dir, ExactLengthPrompts prompts, int rounds) {
        for (int batch : new int[] {1, 4, 16}) {
            try (OnnxChatModel model = model(dir, true, batch)) {
                double[] rates = new double[rounds];
                for (int r = -1; r < rounds; r++) { // round -1 warms up
                    List<ChatRequest> requests = new ArrayList<>();
                    for (String text : prompts.next(batch, 128)) {
                        requests.add(request(text, ANSWER_TOKENS));
                    }
                    long start = System.nanoTime();
                    List<ChatResponse> answers = model.chatBatch(requests);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long generated = 0;
                    for (ChatResponse a : answers) {
                        checkLength(a, ANSWER_TOKENS);
                        generated += a.usage().outputTokens();
                    }
                    if (r >= 0) {
                        rates[r] = generated / seconds;
                    }
                }
                System.out.printf(Locale.ROOT, "generate.batch.tokens_per_s batch=%d prompt=128 answer=%d median=%.0f%n",
                        batch, ANSWER_TOKENS, Percentiles.median(rates));
            }
        }
    }

    /** Figure 3: the same request with and without the attention cache. */
    private static void cacheSpeedUp(OnnxChatModel cached, OnnxChatModel recomputing, String prompt, int slowRuns) {
        ChatRequest request = request(prompt, CACHE_ANSWER_TOKENS);
        String expected = cached.chat(request).text();
        String recomputed = recomputing.chat(request).text(); // also the warm-up of the slow one
        double[] fast = new double[Math.max(slowRuns, 5)];
        for (int i = -1; i < fast.length; i++) {
            long start = System.nanoTime();
            checkLength(cached.chat(request), CACHE_ANSWER_TOKENS);
            if (i >= 0) {
                fast[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] slow = new double[slowRuns];
        for (int i = 0; i < slowRuns; i++) {
            long start = System.nanoTime();
            checkLength(recomputing.chat(request), CACHE_ANSWER_TOKENS);
            slow[i] = (System.nanoTime() - start) / 1e6;
        }
        double f = Percentiles.median(fast);
        double s = Percentiles.median(slow);
        System.out.printf(Locale.ROOT, "generate.kv_cache.speedup prompt=128 answer=%d cached_ms=%.0f recomputed_ms=%.0f ratio=%.1f same_text=%b%n",
                CACHE_ANSWER_TOKENS, f, s, s / f, expected.equals(recomputed));
    }

    /** Figure 4: Weft's median TPOT against a bare ORT loop's median decode step, interleaved. */
    private static void overhead(OnnxChatModel model, Path dir, String prompt, int runs) throws Exception {
        long[] ids;
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"))) {
            ids = tokenizer.encode(prompt, false, false).getIds();
        }
        ChatRequest request = request(prompt, ANSWER_TOKENS);
        int rounds = Math.max(runs, 20);
        double[] weft = new double[rounds];
        double[] bare = new double[rounds];
        try (BareDecodeLoop loop = new BareDecodeLoop(dir.resolve("model.onnx"), 1, 4, 4, 32, 4096)) {
            for (int i = -WARMUP; i < rounds; i++) {
                ChatResponse r = stream(model, request);
                checkLength(r, ANSWER_TOKENS);
                double w = r.timings().timePerOutputToken(r.usage().outputTokens()).toNanos();
                double b = loop.meanDecodeStepNanos(ids, ANSWER_TOKENS);
                if (i >= 0) {
                    weft[i] = w;
                    bare[i] = b;
                }
            }
        }
        double w = Percentiles.median(weft) / 1e6;
        double b = Percentiles.median(bare) / 1e6;
        System.out.printf(Locale.ROOT, "generate.overhead_vs_bare_ort prompt=%d answer=%d weft_tpot_ms=%.3f bare_step_ms=%.3f overhead=%.1f%% (target <= 10%%)%n",
                ids.length, ANSWER_TOKENS, w, b, (w / b - 1) * 100);
    }

    private static ChatResponse stream(OnnxChatModel model, ChatRequest request) {
        try (ChatStream s = model.stream(request)) {
            for (var ignored : s) {
                // read every delta as it arrives, as a streaming caller would
            }
            return s.response();
        }
    }

    private static ChatRequest request(String prompt, int maxTokens) {
        return ChatRequest.builder().user(prompt)
                .sampling(Sampling.builder().temperature(0.0).maxTokens(maxTokens).build()).build();
    }

    private static void checkLength(ChatResponse r, int expected) {
        if (r.usage().outputTokens() != expected) {
            throw new IllegalStateException("expected " + expected + " output tokens, got " + r.usage().outputTokens());
        }
    }

    private static OnnxChatModel model(Path dir, boolean kvCache, int maxBatchSize) {
        return OnnxChatModel.builder().directory(dir).intraOpThreads(1).ignoreEndOfSequence(true)
                .kvCache(kvCache).maxBatchSize(maxBatchSize).build();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index && !args[index].isBlank() ? Integer.parseInt(args[index]) : fallback;
    }
}
