package dev.weft.rag.cache;

import dev.weft.core.InvalidInputException;

/**
 * Checks a caller's vector and returns the unit-length copy the index keeps or searches with. The index promises
 * cosine similarity; scaling a vector does not change its cosine with anything, so a vector that is almost (or
 * not at all) unit length is normalised rather than refused. Only what has no direction is refused.
 */
final class UnitVectors {
    private final int dimension;

    UnitVectors(int dimension) {
        this.dimension = dimension;
    }

    /** A unit-length copy of {@code vector}, which must have the index's dimension and finite, not all zero, components. */
    float[] normalizedCopy(float[] vector, String what) {
        if (vector == null) {
            throw new InvalidInputException(what + " must not be null");
        }
        if (vector.length != dimension) {
            throw new InvalidInputException(what + " has dimension " + vector.length
                    + " but this index holds vectors of dimension " + dimension + "; embed with the model the index was built for");
        }
        double squares = 0; // in double: neither tiny nor huge components under- or overflow
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new InvalidInputException(what + " has a non-finite component " + vector[i] + " at index " + i);
            }
            squares += (double) vector[i] * vector[i];
        }
        if (squares == 0) {
            throw new InvalidInputException(what + " is all zeros; it has no direction, so no cosine similarity");
        }
        double norm = Math.sqrt(squares);
        float[] unit = new float[dimension];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
