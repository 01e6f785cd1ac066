package dev.weft.core.retrieval;

import dev.weft.core.internal.Preconditions;
import java.util.Arrays;

/**
 * A nearest-neighbour query.
 *
 * @param vector the query embedding
 * @param topK how many hits at most, >= 1
 * @param filter a condition applied inside the search, or null for none
 * @param minScore hits scoring below it are dropped; {@code Double.NEGATIVE_INFINITY} for none
 */
public record VectorQuery(float[] vector, int topK, Filter filter, double minScore) {
    public VectorQuery {
        Preconditions.notNull(vector, "vector");
        vector = vector.clone();
        Preconditions.check(topK >= 1, "topK must be >= 1, was " + topK);
        Preconditions.check(!Double.isNaN(minScore), "minScore must not be NaN");
    }

    /** The {@code topK} nearest to {@code vector}, unfiltered. */
    public static VectorQuery of(float[] vector, int topK) {
        return new VectorQuery(vector, topK, null, Double.NEGATIVE_INFINITY);
    }

    /** The {@code topK} nearest to {@code vector} among chunks matching {@code filter}. */
    public static VectorQuery of(float[] vector, int topK, Filter filter) {
        return new VectorQuery(vector, topK, filter, Double.NEGATIVE_INFINITY);
    }

    /** A copy of the query vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorQuery q && topK == q.topK && Double.compare(minScore, q.minScore) == 0
                && Arrays.equals(vector, q.vector) && java.util.Objects.equals(filter, q.filter);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector) * 31 + topK;
    }

    @Override
    public String toString() {
        return "VectorQuery[dimension=" + vector.length + ", topK=" + topK + ", filter=" + filter + ", minScore=" + minScore + "]";
    }
}
