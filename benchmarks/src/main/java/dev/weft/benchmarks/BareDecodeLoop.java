package dev.weft.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    private final int vocab;
    private final Set<String> presents = new HashSet<>();

    BareDecodeLoop(Path modelOnnx, int intraOpThreads, int layers, int heads, int headDim, int vocab) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(intraOpThreads);
            this.session = env.createSession(modelOnnx.toString(), options);
        }
        this.layers = layers;
        this.heads = heads;
        this.headDim = headDim;
        this.vocab = vocab;
        for (int l = 0; l < layers; l++) {
            presents.add("present." + l + ".key");
            presents.add("present." + l + ".value");
        }
    }

    /**
     * Prefills {@code prompt}, then runs {@code tokens - 1} single-token decode steps, and returns the mean time
     * of one decode step in nanoseconds (the prefill, which yields the first token, is not counted: the same
     * split as time to first token and time per output token). Inputs live in direct buffers and the logits are
     * written into a pinned direct buffer, so no step copies more than ONNX Runtime itself does.
     */
    double meanDecodeStepNanos(long[] prompt, int tokens) throws OrtException {
        int maxLength = prompt.length + tokens;
        LongBuffer maskBuffer = directLongs(maxLength);
        for (int i = 0; i < maxLength; i++) {
            maskBuffer.put(i, 1L);
        }
        LongBuffer stepId = directLongs(1);
        LongBuffer stepPosition = directLongs(1);
        FloatBuffer stepLogits = ByteBuffer.allocateDirect(vocab * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        Map<String, OnnxTensor> past = new HashMap<>();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        OrtSession.Result previous = null;
        try (OnnxTensor stepIdTensor = OnnxTensor.createTensor(env, stepId, new long[] {1, 1});
             OnnxTensor stepPositionTensor = OnnxTensor.createTensor(env, stepPosition, new long[] {1, 1});
             OnnxTensor stepLogitsTensor = OnnxTensor.createTensor(env, stepLogits, new long[] {1, 1, vocab})) {
            for (int l = 0; l < layers; l++) {
                past.put("past_key_values." + l + ".key", emptyCache());
                past.put("past_key_values." + l + ".value", emptyCache());
            }
            // Prefill: the whole prompt, its logits returned by ONNX Runtime.
            long[] positions = new long[prompt.length];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            long next;
            try (OnnxTensor ids = rowOf(prompt); OnnxTensor pos = rowOf(positions); OnnxTensor mask = maskOf(maskBuffer, prompt.length)) {
                inputs.putAll(past);
                inputs.put("input_ids", ids);
                inputs.put("position_ids", pos);
                inputs.put("attention_mask", mask);
                previous = session.run(inputs);
                past.values().forEach(OnnxTensor::close);
                next = argmaxOfLastRow(((OnnxTensor) previous.get("logits").orElseThrow()).getFloatBuffer(), prompt.length - 1);
            }
            int pastLength = prompt.length;
            long decodeStart = System.nanoTime();
            for (int step = 1; step < tokens; step++) {
                stepId.put(0, next);
                stepPosition.put(0, pastLength);
                for (int l = 0; l < layers; l++) {
                    inputs.put("past_key_values." + l + ".key", (OnnxTensor) previous.get("present." + l + ".key").orElseThrow());
                    inputs.put("past_key_values." + l + ".value", (OnnxTensor) previous.get("present." + l + ".value").orElseThrow());
                }
                try (OnnxTensor mask = maskOf(maskBuffer, pastLength + 1)) {
                    inputs.put("input_ids", stepIdTensor);
                    inputs.put("position_ids", stepPositionTensor);
                    inputs.put("attention_mask", mask);
                    OrtSession.Result result = session.run(inputs, presents, Map.of("logits", stepLogitsTensor));
                    previous.close();
                    previous = result;
                }
                pastLength += 1;
                next = argmaxOfLastRow(stepLogits, 0);
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

    private long argmaxOfLastRow(FloatBuffer logits, int row) {
        int offset = row * vocab;
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            float x = logits.get(offset + v);
            if (x > bestValue) {
                bestValue = x;
                best = v;
            }
        }
        return best;
    }

    private static LongBuffer directLongs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    private OnnxTensor maskOf(LongBuffer ones, int length) throws OrtException {
        return OnnxTensor.createTensor(env, ones.slice(0, length), new long[] {1, length});
    }

    private OnnxTensor emptyCache() throws OrtException {
        return OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim});
    }

    private OnnxTensor rowOf(long[] values) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), new long[] {1, values.length});
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
