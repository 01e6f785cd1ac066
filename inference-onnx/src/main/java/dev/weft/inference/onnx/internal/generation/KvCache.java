package dev.weft.inference.onnx.internal.generation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attention cache of one generation, kept in ONNX Runtime's memory: the {@code present.N.key/value} outputs of
 * the last step, fed unchanged as the next step's {@code past_key_values.N.key/value}. Before the first step (and at
 * every step when recomputing) the past is a set of zero-length tensors. The cache never passes through Java arrays;
 * it holds the last step's {@link OrtSession.Result} and closes it when the next step's result replaces it. Not
 * thread-safe: the owning {@link Generation} serialises access.
 */
final class KvCache implements AutoCloseable {
    private final DecoderGraph graph;
    private final OnnxTensor empty;
    private OrtSession.Result last;
    private boolean closed;

    private KvCache(DecoderGraph graph, OnnxTensor empty) {
        this.graph = graph;
        this.empty = empty;
    }

    /** A cache holding no positions yet, for {@code batch} sequences. */
    static KvCache empty(OrtEnvironment env, DecoderGraph graph, DecoderConfig config, int batch) throws OrtException {
        FloatBuffer none = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()).asFloatBuffer();
        long[] shape = {batch, config.kvHeads(), 0, config.headDim()};
        // One empty tensor serves as every layer's past key and value.
        return new KvCache(graph, OnnxTensor.createTensor(env, none, shape));
    }

    /** Puts the past the next step attends to into {@code inputs}: the last step's presents, or nothing yet. */
    void feed(Map<String, OnnxTensor> inputs) {
        for (int l = 0; l < graph.pastKeys().size(); l++) {
            inputs.put(graph.pastKeys().get(l), last == null ? empty : present(graph.presentKeys().get(l)));
            inputs.put(graph.pastValues().get(l), last == null ? empty : present(graph.presentValues().get(l)));
        }
    }

    /** Adopts {@code result}, whose presents become the past of the next step, and frees the previous one. */
    void advance(OrtSession.Result result) {
        OrtSession.Result previous = last;
        last = result;
        if (previous != null) {
            previous.close();
        }
    }

    /** The native values this cache holds, for checks that they are freed. */
    List<OnnxValue> held() {
        List<OnnxValue> values = new ArrayList<>();
        values.add(empty);
        if (last != null) {
            for (Map.Entry<String, OnnxValue> e : last) {
                values.add(e.getValue());
            }
        }
        return values;
    }

    /** Frees the cache. Harmless to repeat. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (last != null) {
            last.close();
            last = null;
        }
        empty.close();
    }

    private OnnxTensor present(String name) {
        return (OnnxTensor) last.get(name).orElseThrow(() -> new IllegalStateException("step gave no " + name));
    }
}
