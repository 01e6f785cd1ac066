package dev.weft.eval.metrics;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile-bootstrap confidence interval for the mean of per-query values (such as
 * {@link RetrievalReport#values}): resample the values with replacement {@code resamples} times, take each
 * resample's mean, and bound the interval by the {@code (1 - level) / 2} and {@code (1 + level) / 2}
 * quantiles of those means (linearly interpolated). Seeded, so the same values and settings give the same
 * interval on every run and machine. The percentile method is simple and reliable for the bounded,
 * per-query metrics of retrieval with a few dozen queries or more; for very few queries intervals are too
 * narrow.
 *
 * <p>Immutable and thread-safe: each call draws from its own generator seeded afresh.
 *
 * <pre>{@code
 * BootstrapMean bootstrap = BootstrapMean.builder().resamples(10_000).level(0.95).seed(42).build();
 * ConfidenceInterval ci = bootstrap.interval(report.values(RetrievalMetric.ndcg(10)));
 * }</pre>
 */
public final class BootstrapMean {
    private final int resamples;
    private final double level;
    private final long seed;

    private BootstrapMean(int resamples, double level, long seed) {
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    /** A builder; by default 10,000 resamples, level 0.95, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of resamples. */
    public int resamples() {
        return resamples;
    }

    /** The confidence level. */
    public double level() {
        return level;
    }

    /** The seed of the resampling. */
    public long seed() {
        return seed;
    }

    /**
     * The interval for the mean of {@code values}; its estimate is their plain mean.
     *
     * @throws InvalidInputException if {@code values} is empty or holds a value that is not finite
     */
    public ConfidenceInterval interval(double[] values) {
        Preconditions.notNull(values, "values");
        Preconditions.check(values.length > 0, "values must not be empty: there is no mean of nothing");
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException("values[" + i + "] must be finite, was " + values[i]);
            }
            sum += values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double mean = sum / values.length;
        int n = values.length;
        double[] means = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += values[random.nextInt(n)];
            }
            means[b] = s / n;
        }
        Arrays.sort(means);
        // A resample's mean lies within the values' range; rounding in the sums may put it an ulp outside.
        double lower = clamp(quantile(means, (1 - level) / 2), min, max);
        double upper = clamp(quantile(means, (1 + level) / 2), min, max);
        return new ConfidenceInterval(clamp(mean, min, max), lower, upper, level);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The p-quantile of ascending {@code sorted}, interpolating linearly between order statistics. */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return "BootstrapMean[resamples=" + resamples + ", level=" + level + ", seed=" + seed + "]";
    }

    /** Configures a {@link BootstrapMean}. Not thread-safe. */
    public static final class Builder {
        private int resamples = 10_000;
        private double level = 0.95;
        private long seed;

        private Builder() {}

        /** How many resamples to draw; at least 100, default 10,000. */
        public Builder resamples(int resamples) {
            this.resamples = resamples;
            return this;
        }

        /** The confidence level, in (0, 1); default 0.95. */
        public Builder level(double level) {
            this.level = level;
            return this;
        }

        /** The seed of the resampling; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @throws InvalidInputException naming the option that is out of range */
        public BootstrapMean build() {
            Preconditions.check(resamples >= 100, "resamples must be >= 100 for a usable interval, was " + resamples);
            Preconditions.check(level > 0 && level < 1, "level must be in (0, 1), such as 0.95, was " + level);
            return new BootstrapMean(resamples, level, seed);
        }
    }
}
