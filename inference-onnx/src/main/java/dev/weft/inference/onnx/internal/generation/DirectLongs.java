package dev.weft.inference.onnx.internal.generation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * A reusable native-order direct buffer for one step input, which ONNX Runtime reads in place. It grows as the
 * sequence does; a step's tensor over it must be closed before the next step writes to it. Not thread-safe.
 */
final class DirectLongs {
    private LongBuffer buffer = allocate(64);

    /** A view of the first {@code count} longs, contents unspecified. */
    LongBuffer take(int count) {
        if (buffer.capacity() < count) {
            buffer = allocate(Math.max(count, buffer.capacity() * 2));
        }
        return buffer.slice(0, count);
    }

    private static LongBuffer allocate(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }
}
