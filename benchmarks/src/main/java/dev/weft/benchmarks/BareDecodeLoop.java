package dev.weft.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The floor Weft's decoding is measured against: a greedy decode loop written directly on ONNX Runtime's
 * {@link OrtSession#run}, batch 1, feeding each step's {@code present.N.*} back as {@code past_key_values.N.*}.
 * No tokenizer, no sampling code, no streaming: only tensors in, argmax out. Not thread-safe.
 */
final class BareDecodeLoop implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int layers;
    private final int heads;
    private final int headDim;

    BareDecodeLoop(Path modelOnnx, int intraOpThreads, int layers, int heads, int headDim) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(intraOpThreads);
            this.session = env.createSession(modelOnnx.toString(), options);
        }
        this.layers = layers;
        this.heads = heads;
        this.headDim = headDim;
    }

    /**
     * Prefills {@code prompt}, then runs {@code tokens - 1} single-token decode steps, and returns the mean time
     * of one decode step in nanoseconds (the prefill, which yields the first token, is not counted: the same
     * split as time to first token and time per output token).
     */
    double meanDecodeStepNanos(long[] prompt, int tokens) throws OrtException {
        Map<String, OnnxTensor> past = new HashMap<>();
        for (int l = 0; l < layers; l++) {
            past.put("past_key_values." + l + ".key", emptyCache());
            past.put("past_key_values." + l + ".value", emptyCache());
        }
        OrtSession.Result previous = null;
        long decodeStart = 0;
        try {
            long[] ids = prompt;
            int pastLength = 0;
            for (int step = 0; step < tokens; step++) {
                if (step == 1) {
                    decodeStart = System.nanoTime();
                }
                long[] positions = new long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    positions[i] = pastLength + i;
                }
                long[] mask = new long[pastLength + ids.length];
                java.util.Arrays.fill(mask, 1L);
                Map<String, OnnxTensor> inputs = new HashMap<>(past);
                try (OnnxTensor inputIds = longs(ids);
                     OnnxTensor attention = longs(mask);
                     OnnxTensor positionIds = longs(positions)) {
                    inputs.put("input_ids", inputIds);
                    inputs.put("attention_mask", attention);
                    inputs.put("position_ids", positionIds);
                    OrtSession.Result result = session.run(inputs);
                    if (previous == null) {
                        past.values().forEach(OnnxTensor::close);
                    } else {
                        previous.close();
                    }
                    previous = result;
                    pastLength += ids.length;
                    for (int l = 0; l < layers; l++) {
                        past.put("past_key_values." + l + ".key", (OnnxTensor) result.get("present." + l + ".key").orElseThrow());
                        past.put("past_key_values." + l + ".value", (OnnxTensor) result.get("present." + l + ".value").orElseThrow());
                    }
                    ids = new long[] {argmaxOfLastPosition((OnnxTensor) result.get("logits").orElseThrow())};
                }
            }
            return (System.nanoTime() - decodeStart) / (double) (tokens - 1);
        } finally {
            if (previous != null) {
                previous.close();
            } else {
                past.values().forEach(OnnxTensor::close);
            }
        }
    }

    private static long argmaxOfLastPosition(OnnxTensor logits) {
        long[] shape = logits.getInfo().getShape(); // [1, seq, vocab]
        int vocab = (int) shape[2];
        FloatBuffer buffer = logits.getFloatBuffer();
        int offset = (int) ((shape[1] - 1) * vocab);
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            float x = buffer.get(offset + v);
            if (x > bestValue) {
                bestValue = x;
                best = v;
            }
        }
        return best;
    }

    private OnnxTensor emptyCache() throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim});
    }

    private OnnxTensor longs(long[] values) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[] {1, values.length});
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
