package dev.weft.core.testing;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instancio.Random;

/**
 * A generated vector-store workload: a dimension (1–16), a similarity, upsert batches of 0–300 chunks in all
 * (ids reused across batches, so later batches replace earlier chunks; zero vectors and duplicate vectors
 * included, so that scores tie), and queries with generated filters, topK and minScore.
 *
 * @param dimension the store's dimension
 * @param similarity the store's similarity
 * @param batches the upserts, in order; ids are unique within a batch
 * @param queries the searches to check
 */
public record StoreScenario(int dimension, Similarity similarity, List<List<StoredChunk>> batches, List<VectorQuery> queries) {

    /** What the store should hold after every batch: the last write of each id. */
    public Map<String, StoredChunk> expectedContents() {
        Map<String, StoredChunk> byId = new LinkedHashMap<>();
        batches.forEach(batch -> batch.forEach(c -> byId.put(c.id(), c)));
        return byId;
    }

    @Override
    public String toString() {
        return "StoreScenario[dimension=" + dimension + ", similarity=" + similarity + ", chunks="
                + batches.stream().mapToInt(List::size).sum() + " in " + batches.size() + " batches, queries=" + queries.size() + "]";
    }

    /** A generated scenario. */
    public static StoreScenario generate(Random r) {
        int dimension = r.intRange(1, 16);
        Similarity similarity = r.oneOf(Similarity.values());
        int total = r.trueOrFalse(0.1) ? 0 : r.intRange(1, 300);
        int idSpace = Math.max(1, (int) (total * r.doubleRange(0.5, 1.0)));
        List<float[]> vectorsSoFar = new ArrayList<>();
        List<List<StoredChunk>> batches = new ArrayList<>();
        Map<String, StoredChunk> batch = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            String id = "c" + r.intRange(0, idSpace - 1);
            if (batch.containsKey(id) || r.trueOrFalse(0.05)) {
                batches.add(List.copyOf(batch.values()));
                batch.clear();
            }
            float[] v = vector(r, dimension, vectorsSoFar);
            vectorsSoFar.add(v);
            batch.put(id, new StoredChunk(id, "text of " + id + " #" + i, v, RetrievalValues.poolMetadata(r)));
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch.values()));
        }
        List<VectorQuery> queries = new ArrayList<>();
        int q = r.intRange(1, 6);
        for (int i = 0; i < q; i++) {
            queries.add(query(r, dimension, vectorsSoFar));
        }
        return new StoreScenario(dimension, similarity, batches, queries);
    }

    private static float[] vector(Random r, int dimension, List<float[]> earlier) {
        int kind = r.intRange(0, 9);
        if (kind == 0) {
            return new float[dimension]; // zero vector
        }
        if (kind <= 2 && !earlier.isEmpty()) {
            return earlier.get(r.intRange(0, earlier.size() - 1)).clone(); // duplicate: ties
        }
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = kind == 3 ? r.oneOf(-1f, 0f, 0.5f, 1f, 2f) : r.floatRange(-1f, 1f);
        }
        return v;
    }

    private static VectorQuery query(Random r, int dimension, List<float[]> earlier) {
        float[] v = vector(r, dimension, earlier);
        int topK = switch (r.intRange(0, 5)) {
            case 0 -> 1;
            case 1 -> r.intRange(300, 10_000);
            default -> r.intRange(1, 40);
        };
        Filter filter = r.trueOrFalse(0.25) ? null : RetrievalValues.poolFilter(r, 3);
        double minScore = switch (r.intRange(0, 4)) {
            case 0, 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> 0.0;
            default -> r.doubleRange(-1.0, 1.0);
        };
        return new VectorQuery(v, topK, filter, minScore);
    }
}
