package dev.weft.eval.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instancio.Random;

/**
 * A generated query: graded judgements (grades -1 to 3, at least one above 0), a ranking of distinct ids that
 * mixes judged and unjudged documents (possibly empty, possibly shorter than k), and a cutoff k.
 */
record RankingCase(Map<String, Integer> judgements, List<String> ranking, int k) {

    static RankingCase generate(Random random) {
        Map<String, Integer> judgements = new LinkedHashMap<>();
        int judged = random.intRange(1, 12);
        for (int i = 0; i < judged; i++) {
            judgements.put("d" + i, random.intRange(-1, 3));
        }
        if (judgements.values().stream().noneMatch(g -> g > 0)) {
            judgements.put("d" + random.intRange(0, judged - 1), random.intRange(1, 3));
        }
        List<String> pool = new ArrayList<>(judgements.keySet());
        int unjudged = random.intRange(0, 8);
        for (int i = 0; i < unjudged; i++) {
            pool.add("u" + i);
        }
        shuffle(pool, random);
        List<String> ranking = List.copyOf(pool.subList(0, random.intRange(0, pool.size())));
        return new RankingCase(Map.copyOf(judgements), ranking, random.intRange(1, 15));
    }

    /** Every metric at this case's cutoff, and MAP without one. */
    List<RetrievalMetric> metrics() {
        return List.of(RetrievalMetric.ndcg(k), RetrievalMetric.recall(k), RetrievalMetric.precision(k),
                RetrievalMetric.mrr(k), RetrievalMetric.map(k), RetrievalMetric.map());
    }

    boolean relevant(String id) {
        return judgements.getOrDefault(id, 0) > 0;
    }

    int relevantCount() {
        return (int) judgements.values().stream().filter(g -> g > 0).count();
    }

    /** Fisher–Yates with Instancio's seeded random. */
    static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.intRange(0, i));
        }
    }

    @Override
    public String toString() {
        return "judgements=" + new java.util.TreeMap<>(judgements) + ", ranking=" + ranking + ", k=" + k;
    }
}
