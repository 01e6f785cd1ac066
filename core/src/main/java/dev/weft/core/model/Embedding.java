package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.util.Arrays;

/**
 * One text's vector, with what the model saw of it. Immutable: {@link #vector()} returns a copy; use
 * {@link #dimension()} and {@link #get(int)} to read without copying.
 *
 * @param vector the embedding
 * @param tokenCount tokens the model read for this text, special tokens included
 * @param truncated whether the text was longer than the model's maximum sequence length and was cut to it
 */
public record Embedding(float[] vector, int tokenCount, boolean truncated) {

    public Embedding {
        Preconditions.notNull(vector, "vector");
        Preconditions.check(tokenCount >= 0, "tokenCount must be >= 0, was " + tokenCount);
        vector = vector.clone();
    }

    /** An embedding of an unknown number of tokens, not truncated. */
    public static Embedding of(float... vector) {
        return new Embedding(vector, 0, false);
    }

    /** A copy of the vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** The vector's length. */
    public int dimension() {
        return vector.length;
    }

    /** Component {@code i} of the vector. */
    public float get(int i) {
        return vector[i];
    }

    /** Cosine similarity with {@code other}; 0 when either vector is all zeros. */
    public double cosine(Embedding other) {
        Preconditions.check(other.vector.length == vector.length,
                "dimensions differ: " + vector.length + " vs " + other.vector.length);
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += (double) vector[i] * other.vector[i];
            a += (double) vector[i] * vector[i];
            b += (double) other.vector[i] * other.vector[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e
                && tokenCount == e.tokenCount
                && truncated == e.truncated
                && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(vector) + tokenCount) + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
        return "Embedding[dimension=" + vector.length + ", tokenCount=" + tokenCount + ", truncated=" + truncated + "]";
    }
}
