package dev.weft.inference.onnx.internal.generation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.weft.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A pinned {@code logits} output: a direct buffer that ONNX Runtime writes a step's logits into, so that reading the
 * last position's row needs no copy of the whole output. Reused while the shape stays the same (every cached step
 * after the first has shape {@code [batch, 1, vocab]}). Not thread-safe.
 */
final class LogitsOutput implements AutoCloseable {
    private final OrtEnvironment env;
    private final int vocab;
    private FloatBuffer buffer;
    private OnnxTensor tensor;
    private int batch;
    private int sequence;

    LogitsOutput(OrtEnvironment env, int vocab) {
        this.env = env;
        this.vocab = vocab;
    }

    /** The output tensor for a step over {@code batch} rows of {@code sequence} positions. */
    OnnxTensor tensor(int batch, int sequence) throws OrtException {
        if (tensor == null || this.batch != batch || this.sequence != sequence) {
            close();
            long floats = (long) batch * sequence * vocab;
            if (floats > Integer.MAX_VALUE / Float.BYTES) {
                throw new InvalidInputException("A step of " + batch + " prompts x " + sequence + " positions x " + vocab
                        + " logits is too large for one buffer; use a smaller maxBatchSize or shorter prompts");
            }
            buffer = ByteBuffer.allocateDirect((int) floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            tensor = OnnxTensor.createTensor(env, buffer, new long[] {batch, sequence, vocab});
            this.batch = batch;
            this.sequence = sequence;
        }
        return tensor;
    }

    /** Copies the logits of row {@code row} at its last position into {@code into}. */
    void lastPosition(int row, float[] into) {
        buffer.get(((row * sequence) + sequence - 1) * vocab, into, 0, vocab);
    }

    /** The tensor, if one is allocated, for checks that it is freed. */
    OnnxTensor current() {
        return tensor;
    }

    @Override
    public void close() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
            buffer = null;
        }
    }
}
