package dev.weft.rag.retrieval;

/** Min-max normalisation to [0, 1], safe when the range overflows a double; all 1 when every value is equal. */
record MinMax(double min, double max) {

    /** The range of {@code values}, which are finite. */
    static MinMax of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new MinMax(min, max);
    }

    /** {@code value} mapped to [0, 1]. */
    double normalise(double value) {
        if (!(max > min)) {
            return 1.0;
        }
        double range = max - min;
        return Double.isInfinite(range) ? (value / 2 - min / 2) / (max / 2 - min / 2) : (value - min) / range;
    }
}
