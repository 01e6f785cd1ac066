package dev.weft.core.retrieval;

/** How a vector store compares vectors; the score of a hit is this similarity. */
public enum Similarity {
    /** Cosine of the angle, in [-1, 1]; vectors need not be normalised. */
    COSINE,
    /** Dot product; equals cosine for unit vectors and is cheaper. */
    DOT_PRODUCT;

    /** The similarity of {@code a} and {@code b}, which have the same length. */
    public double compute(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            if (this == COSINE) {
                na += (double) a[i] * a[i];
                nb += (double) b[i] * b[i];
            }
        }
        if (this == DOT_PRODUCT) {
            return dot;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
