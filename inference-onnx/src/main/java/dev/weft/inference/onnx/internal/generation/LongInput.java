package dev.weft.inference.onnx.internal.generation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * One int64 step input of shape {@code [batch, length]} over a native-order direct buffer that ONNX Runtime reads in
 * place. While the shape stays the same (the ids and positions of every cached step after the first) the tensor is
 * kept and only the buffer is rewritten, saving two native calls a step. Not thread-safe.
 */
final class LongInput implements AutoCloseable {
    private final OrtEnvironment env;
    private LongBuffer buffer;
    private OnnxTensor tensor;
    private int rows;
    private int columns;

    LongInput(OrtEnvironment env) {
        this.env = env;
    }

    /** The buffer to fill, row-major, for the next step's {@code [rows, columns]} input. */
    LongBuffer prepare(int rows, int columns) throws OrtException {
        if (tensor == null || this.rows != rows || this.columns != columns) {
            close();
            int count = rows * columns;
            if (buffer == null || buffer.capacity() < count) {
                buffer = ByteBuffer.allocateDirect(Math.max(count, buffer == null ? 64 : buffer.capacity() * 2) * Long.BYTES)
                        .order(ByteOrder.nativeOrder()).asLongBuffer();
            }
            LongBuffer view = buffer.slice(0, count);
            tensor = OnnxTensor.createTensor(env, view, new long[] {rows, columns});
            this.rows = rows;
            this.columns = columns;
            return view;
        }
        return buffer.slice(0, rows * columns);
    }

    /** The tensor over the buffer {@link #prepare} returned last. */
    OnnxTensor tensor() {
        return tensor;
    }

    @Override
    public void close() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
        }
    }
}
