package dev.weft.benchmarks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/** A cache of float vectors on disk: an int count, an int dimension, then the floats, little-endian. */
final class VectorFile {
    private VectorFile() {}

    /** The vectors cached at {@code file}, computing and caching them first when the file is absent. */
    static float[][] cached(Path file, Supplier<float[][]> compute) {
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        float[][] vectors = compute.get();
        write(file, vectors);
        return vectors;
    }

    static float[][] read(Path file) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            int count = Integer.reverseBytes(in.readInt());
            int dimension = Integer.reverseBytes(in.readInt());
            float[][] vectors = new float[count][dimension];
            byte[] row = new byte[dimension * Float.BYTES];
            for (float[] v : vectors) {
                in.readFully(row);
                ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, float[][] vectors) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
                out.writeInt(Integer.reverseBytes(vectors.length));
                out.writeInt(Integer.reverseBytes(vectors.length == 0 ? 0 : vectors[0].length));
                for (float[] v : vectors) {
                    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    b.asFloatBuffer().put(v);
                    out.write(b.array());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
