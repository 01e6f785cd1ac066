package dev.weft.core.retrieval;

import java.util.function.ToDoubleFunction;

/** How a vector store compares vectors; the score of a hit is this similarity. */
public enum Similarity {
    /** Cosine of the angle, in [-1, 1]; 0 when either vector is all zeros; vectors need not be normalised. */
    COSINE,
    /** Dot product; equals cosine for unit vectors and is cheaper. */
    DOT_PRODUCT;

    /** The similarity of {@code a} and {@code b}, which have the same length. */
    public double compute(float[] a, float[] b) {
        return this == DOT_PRODUCT ? dot(a, b) : cosine(dot(a, b), squaredNorm(a), squaredNorm(b));
    }

    /**
     * A scorer of many vectors against one {@code query}, with the query's norm computed once; its results are
     * bit-identical to {@link #compute(float[], float[])}. Stores use it to rescore candidates.
     */
    public ToDoubleFunction<float[]> scorer(float[] query) {
        float[] q = query.clone();
        if (this == DOT_PRODUCT) {
            return v -> dot(q, v);
        }
        double queryNorm = squaredNorm(q);
        return v -> cosine(dot(q, v), queryNorm, squaredNorm(v));
    }

    /** Cosine from a dot product and the two squared norms, as {@link #compute} derives it. */
    static double cosine(double dot, double squaredNormA, double squaredNormB) {
        return squaredNormA == 0 || squaredNormB == 0 ? 0 : dot / Math.sqrt(squaredNormA * squaredNormB);
    }

    /** The dot product, accumulated in double precision over four independent lanes (for instruction-level parallelism). */
    static double dot(float[] a, float[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        int bound = a.length & ~3;
        for (; i < bound; i += 4) {
            s0 += (double) a[i] * b[i];
            s1 += (double) a[i + 1] * b[i + 1];
            s2 += (double) a[i + 2] * b[i + 2];
            s3 += (double) a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += (double) a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The squared Euclidean norm, computed exactly as {@link #dot(float[], float[])} of a vector with itself. */
    static double squaredNorm(float[] a) {
        return dot(a, a);
    }
}
