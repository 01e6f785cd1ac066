package dev.weft.rag.cache;

import dev.weft.core.cache.VectorIndex.Neighbor;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference a {@link LuceneVectorIndex} must reproduce: every entry in a map, a lookup scores every entry of
 * the partition by cosine in double precision and sorts, most similar first, then by id. Not thread-safe.
 */
final class BruteForceIndex {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void put(String partition, String id, float[] vector) {
        entries.put(id, new Entry(partition, vector.clone()));
    }

    void remove(String id) {
        entries.remove(id);
    }

    int size() {
        return entries.size();
    }

    /** The partition {@code id} is in, or null. */
    String partitionOf(String id) {
        Entry e = entries.get(id);
        return e == null ? null : e.partition();
    }

    long count(String partition) {
        return entries.values().stream().filter(e -> e.partition().equals(partition)).count();
    }

    List<Neighbor> nearest(String partition, float[] query, int k) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().partition().equals(partition))
                .map(e -> new Neighbor(e.getKey(), (float) cosine(query, e.getValue().vector())))
                .sorted(Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparing(Neighbor::id))
                .limit(k)
                .toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private record Entry(String partition, float[] vector) {}
}
