package dev.weft.eval.metrics;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The result of {@link RetrievalEvaluator#evaluate}: every evaluated query's value of every metric, and each
 * metric's mean over the evaluated queries (an unweighted average: each query counts once). Per-query values
 * are what confidence intervals and paired comparisons are computed from ({@link #values}).
 *
 * <p>Immutable and thread-safe.
 */
public final class RetrievalReport {
    private final List<RetrievalMetric> metrics;
    private final List<String> queryIds;
    private final Map<String, Integer> queryIndex;
    /** {@code values[m][q]}: metric m of query q. */
    private final double[][] values;
    private final double[] means;
    private final Set<String> missingQueries;
    private final Set<String> ignoredQueries;

    RetrievalReport(List<RetrievalMetric> metrics, List<String> queryIds, double[][] values,
                    Set<String> missingQueries, Set<String> ignoredQueries) {
        this.metrics = List.copyOf(metrics);
        this.queryIds = List.copyOf(queryIds);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int q = 0; q < queryIds.size(); q++) {
            index.put(queryIds.get(q), q);
        }
        this.queryIndex = Collections.unmodifiableMap(index);
        this.values = values;
        this.means = new double[metrics.size()];
        for (int m = 0; m < metrics.size(); m++) {
            double sum = 0;
            for (double v : values[m]) {
                sum += v;
            }
            means[m] = sum / queryIds.size();
        }
        this.missingQueries = Collections.unmodifiableSet(new LinkedHashSet<>(missingQueries));
        this.ignoredQueries = Collections.unmodifiableSet(new LinkedHashSet<>(ignoredQueries));
    }

    /** The metrics reported, in order. */
    public List<RetrievalMetric> metrics() {
        return metrics;
    }

    /** The evaluated queries, in qrels order: those with at least one relevant document. */
    public List<String> queryIds() {
        return queryIds;
    }

    /** The mean of {@code metric} over the evaluated queries. */
    public double mean(RetrievalMetric metric) {
        return means[indexOf(metric)];
    }

    /** Each metric's mean, in report order. */
    public Map<RetrievalMetric, Double> means() {
        Map<RetrievalMetric, Double> result = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            result.put(metrics.get(m), means[m]);
        }
        return Collections.unmodifiableMap(result);
    }

    /** The value of {@code metric} for {@code queryId}, which must be an evaluated query. */
    public double value(String queryId, RetrievalMetric metric) {
        Integer q = queryIndex.get(Preconditions.notNull(queryId, "queryId"));
        if (q == null) {
            throw new InvalidInputException("query '" + queryId + "' is not evaluated in this report"
                    + (ignoredQueries.contains(queryId) ? ": it has no relevant judgement" : ""));
        }
        return values[indexOf(metric)][q];
    }

    /** Each evaluated query's value of {@code metric}, in qrels order. */
    public Map<String, Double> perQuery(RetrievalMetric metric) {
        double[] row = values[indexOf(metric)];
        Map<String, Double> result = new LinkedHashMap<>();
        for (int q = 0; q < queryIds.size(); q++) {
            result.put(queryIds.get(q), row[q]);
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * The values of {@code metric}, one per evaluated query in {@link #queryIds()} order: a fresh array, for
     * statistics such as {@link BootstrapMean#interval(double[])}.
     */
    public double[] values(RetrievalMetric metric) {
        return values[indexOf(metric)].clone();
    }

    /** Evaluated queries the run held no entry for; they score 0 on every metric. */
    public Set<String> missingQueries() {
        return missingQueries;
    }

    /** Queries the run held an entry for that are not evaluated (not judged, or no relevant document). */
    public Set<String> ignoredQueries() {
        return ignoredQueries;
    }

    private int indexOf(RetrievalMetric metric) {
        Preconditions.notNull(metric, "metric");
        int m = metrics.indexOf(metric);
        if (m < 0) {
            throw new InvalidInputException("this report has no " + metric.name() + "; it holds " + names()
                    + ": add the metric to the RetrievalEvaluator");
        }
        return m;
    }

    private String names() {
        StringJoiner joiner = new StringJoiner(", ");
        metrics.forEach(m -> joiner.add(m.name()));
        return joiner.toString();
    }

    /** A one-line summary: {@code RetrievalReport[300 queries: ndcg@10=0.6512, recall@100=0.9067]}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "RetrievalReport[" + queryIds.size() + " queries: ", "]");
        for (int m = 0; m < metrics.size(); m++) {
            joiner.add(metrics.get(m).name() + "=" + String.format(Locale.ROOT, "%.4f", means[m]));
        }
        if (!missingQueries.isEmpty()) {
            joiner.add(missingQueries.size() + " missing from the run");
        }
        return joiner.toString();
    }
}
