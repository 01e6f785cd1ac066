package dev.weft.core.cache;

import dev.weft.core.InvalidInputException;

/** L2 normalisation and its check, shared by the semantic cache and the in-memory index. */
final class UnitVectors {
    /** How far a squared norm may stray from 1 and still count as unit length (float rounding over many components). */
    static final double SQUARED_NORM_TOLERANCE = 1e-3;

    private UnitVectors() {}

    /** {@code v} scaled to unit length, or null when it cannot be (all zeros, or not finite). */
    static float[] normalised(float[] v) {
        double squared = squaredNorm(v);
        if (!(squared > 0) || !Double.isFinite(squared)) {
            return null;
        }
        double inverse = 1 / Math.sqrt(squared);
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] * inverse);
        }
        return unit;
    }

    /**
     * Throws unless {@code v} has unit length.
     *
     * @param what names the vector in the message
     */
    static void requireUnit(float[] v, String what) {
        double squared = squaredNorm(v);
        if (!(Math.abs(squared - 1) <= SQUARED_NORM_TOLERANCE)) {
            throw new InvalidInputException(what + " must have unit length (L2-normalise it first), but its norm is "
                    + Math.sqrt(squared));
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double squaredNorm(float[] v) {
        return dot(v, v);
    }
}
