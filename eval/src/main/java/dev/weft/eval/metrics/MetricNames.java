package dev.weft.eval.metrics;

import dev.weft.core.internal.Preconditions;
import java.util.regex.Pattern;

/** Naming and cutoff checks shared by the metrics. */
final class MetricNames {
    static final Pattern PATTERN = Pattern.compile("(ndcg|recall|precision|p|mrr|map)(?:@(\\d+))?");

    private MetricNames() {}

    static void checkCutoff(int k, String metric) {
        Preconditions.check(k >= 1, metric + " cutoff k must be >= 1, was " + k);
    }

    static String of(String base, int k) {
        return k == RetrievalMetric.NO_CUTOFF ? base : base + "@" + k;
    }
}
