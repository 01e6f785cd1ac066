package dev.weft.inference.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weft.core.WeftException;
import dev.weft.inference.onnx.Pooling;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs one padded batch through the session and pools the output into one vector per text. Inputs are direct,
 * native-order buffers that ONNX Runtime reads without copying; every tensor and result is closed. Thread-safe
 * ({@link OrtSession#run} is).
 */
final class BatchInference {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final GraphSignature graph;
    private final Pooling pooling;
    private final boolean normalize;

    BatchInference(OrtEnvironment env, OrtSession session, GraphSignature graph, Pooling pooling, boolean normalize) {
        this.env = env;
        this.session = session;
        this.graph = graph;
        this.pooling = pooling;
        this.normalize = normalize;
    }

    /** The vectors of {@code texts[members[i]]}, in the order of {@code members}. */
    float[][] run(TokenizedText[] texts, int[] members) {
        int batch = members.length;
        int sequence = 0;
        for (int m : members) {
            sequence = Math.max(sequence, texts[m].length());
        }
        LongBuffer ids = directLongs(batch * sequence);
        LongBuffer mask = graph.attentionMask() ? directLongs(batch * sequence) : null;
        LongBuffer types = graph.tokenTypeIds() ? directLongs(batch * sequence) : null;
        for (int r = 0; r < batch; r++) {
            TokenizedText t = texts[members[r]];
            int base = r * sequence;
            ids.put(base, t.ids());
            for (int i = 0; mask != null && i < t.length(); i++) {
                mask.put(base + i, 1L);
            }
            if (types != null) {
                types.put(base, t.typeIds());
            }
            // Padding stays 0: id 0 with mask 0 is ignored by attention and by mean pooling.
        }
        long[] shape = {batch, sequence};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, ids, shape);
             OnnxTensor maskTensor = mask != null ? OnnxTensor.createTensor(env, mask, shape) : null;
             OnnxTensor typeTensor = types != null ? OnnxTensor.createTensor(env, types, shape) : null) {
            Map<String, OnnxTensor> inputs = new HashMap<>(4);
            inputs.put(GraphSignature.INPUT_IDS, idTensor);
            if (maskTensor != null) {
                inputs.put(GraphSignature.ATTENTION_MASK, maskTensor);
            }
            if (typeTensor != null) {
                inputs.put(GraphSignature.TOKEN_TYPE_IDS, typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(graph.output()))) {
                return pool(result.get(0), texts, members, sequence);
            }
        } catch (OrtException e) {
            throw new WeftException("ONNX Runtime failed on a batch of " + batch + " texts of up to " + sequence
                    + " tokens: " + e.getMessage(), e);
        }
    }

    private float[][] pool(OnnxValue value, TokenizedText[] texts, int[] members, int sequence) {
        OnnxTensor output = (OnnxTensor) value;
        long[] shape = output.getInfo().getShape();
        if (shape.length == 3 && shape[1] != sequence) {
            throw new WeftException("The graph's output '" + graph.output() + "' has " + shape[1]
                    + " positions for inputs of " + sequence + " tokens");
        }
        FloatBuffer buffer = output.getFloatBuffer(); // a heap copy of the native output
        float[] data;
        int offset;
        if (buffer.hasArray()) {
            data = buffer.array();
            offset = buffer.arrayOffset() + buffer.position();
        } else {
            data = new float[buffer.remaining()];
            buffer.get(data);
            offset = 0;
        }
        int[] lengths = new int[members.length];
        for (int r = 0; r < members.length; r++) {
            lengths[r] = texts[members[r]].length();
        }
        return VectorPooling.pool(data, offset, shape, lengths, pooling, normalize);
    }

    private static LongBuffer directLongs(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }
}
