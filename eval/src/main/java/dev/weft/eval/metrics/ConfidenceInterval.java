package dev.weft.eval.metrics;

import dev.weft.core.internal.Preconditions;
import java.util.Locale;

/**
 * An estimate with a two-sided confidence interval around it. Immutable.
 *
 * @param estimate the point estimate, such as the mean of the per-query values
 * @param lower the lower bound
 * @param upper the upper bound, {@code >= lower}
 * @param level the confidence level, in (0, 1), such as 0.95
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {
    public ConfidenceInterval {
        Preconditions.check(Double.isFinite(estimate) && Double.isFinite(lower) && Double.isFinite(upper),
                "estimate and bounds must be finite, were " + estimate + " [" + lower + ", " + upper + "]");
        Preconditions.check(lower <= upper, "lower bound " + lower + " must not exceed upper bound " + upper);
        Preconditions.check(level > 0 && level < 1, "level must be in (0, 1), was " + level);
    }

    /** Whether {@code value} lies within the bounds, inclusive. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** {@code 0.6512 [0.6203, 0.6811] (95%)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (%s%%)", estimate, lower, upper,
                stripZeros(level * 100));
    }

    private static String stripZeros(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
