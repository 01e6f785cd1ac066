package dev.weft.core.prompt;

/**
 * Running count, mean and sum of squared deviations of a variant's outcomes (Welford's method, which avoids the
 * cancellation of the sum-of-squares formula). Thread-safe: updates and snapshots hold the monitor, so a
 * snapshot is always consistent.
 */
final class OutcomeStats {
    private long count;
    private double mean;
    private double squaredDeviations;

    /** A consistent view: the count, the mean (NaN when empty) and the standard error (NaN below two outcomes). */
    record Snapshot(long count, double mean, double standardError) {}

    synchronized void add(double outcome) {
        count++;
        double delta = outcome - mean;
        mean += delta / count;
        squaredDeviations += delta * (outcome - mean);
    }

    synchronized Snapshot snapshot() {
        if (count == 0) {
            return new Snapshot(0, Double.NaN, Double.NaN);
        }
        double standardError = count < 2 ? Double.NaN : Math.sqrt(squaredDeviations / (count - 1) / count);
        return new Snapshot(count, mean, standardError);
    }
}
