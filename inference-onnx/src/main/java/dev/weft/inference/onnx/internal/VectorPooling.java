package dev.weft.inference.onnx.internal;

import dev.weft.inference.onnx.Pooling;

/** Pooling of per-token vectors laid out row-major as {@code [batch, sequence, dimension]}, and L2 normalisation. */
final class VectorPooling {
    private VectorPooling() {}

    /**
     * One vector per row of a graph output.
     *
     * @param data the output, row-major, from {@code offset}
     * @param shape {@code [batch, sequence, dimension]} (pooled here) or {@code [batch, dimension]} (already pooled)
     * @param lengths each row's real token count; positions past it are padding
     */
    static float[][] pool(float[] data, int offset, long[] shape, int[] lengths, Pooling pooling, boolean normalize) {
        int dimension = (int) shape[shape.length - 1];
        int sequence = shape.length == 3 ? (int) shape[1] : 1;
        float[][] vectors = new float[lengths.length][];
        for (int r = 0; r < lengths.length; r++) {
            float[] v = shape.length == 2 || pooling == Pooling.CLS
                    ? first(data, offset, r, sequence, dimension)
                    : mean(data, offset, r, sequence, dimension, lengths[r]);
            vectors[r] = normalize ? normalize(v) : v;
        }
        return vectors;
    }

    /** The mean of the first {@code tokens} token vectors of row {@code row} (the rest is padding). */
    private static float[] mean(float[] hidden, int offset, int row, int sequence, int dimension, int tokens) {
        float[] out = new float[dimension];
        int base = offset + row * sequence * dimension;
        for (int t = 0; t < tokens; t++) {
            int at = base + t * dimension;
            for (int d = 0; d < dimension; d++) {
                out[d] += hidden[at + d];
            }
        }
        float scale = 1f / Math.max(1, tokens);
        for (int d = 0; d < dimension; d++) {
            out[d] *= scale;
        }
        return out;
    }

    /** The vector of the first token ({@code [CLS]}) of row {@code row}. */
    private static float[] first(float[] hidden, int offset, int row, int sequence, int dimension) {
        float[] out = new float[dimension];
        System.arraycopy(hidden, offset + row * sequence * dimension, out, 0, dimension);
        return out;
    }

    /** Scales {@code vector} to unit length in place; an all-zero vector stays zero. */
    private static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
