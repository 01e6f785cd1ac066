package dev.weft.rag.lucene.testing;

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
 * A generated store workload: a dimension (1–16), a similarity, upsert batches of up to {@code maxChunks} chunks
 * (ids reused across batches, so later batches replace earlier chunks; zero and duplicate vectors included, so
 * that scores tie), deletes between batches, and queries with generated filters, topK and minScore.
 *
 * @param dimension the store's dimension
 * @param similarity the store's similarity
 * @param steps the writes, in order
 * @param queries the searches to check
 */
public record StoreScenario(int dimension, Similarity similarity, List<Step> steps, List<VectorQuery> queries) {

    /** One write. */
    public sealed interface Step {}

    /** An upsert of a batch with unique ids. */
    public record Upsert(List<StoredChunk> chunks) implements Step {}

    /** A delete by ids. */
    public record Delete(List<String> ids) implements Step {}

    /** What the store should hold after every step: the last write of each id not deleted since. */
    public Map<String, StoredChunk> expectedContents() {
        Map<String, StoredChunk> byId = new LinkedHashMap<>();
        for (Step step : steps) {
            switch (step) {
                case Upsert u -> u.chunks().forEach(c -> byId.put(c.id(), c));
                case Delete d -> d.ids().forEach(byId::remove);
            }
        }
        return byId;
    }

    @Override
    public String toString() {
        return "StoreScenario[dimension=" + dimension + ", similarity=" + similarity + ", steps=" + steps.size()
                + ", chunks=" + expectedContents().size() + ", queries=" + queries.size() + "]";
    }

    /** A scenario of at most {@code maxChunks} chunk writes. */
    public static StoreScenario generate(Random r, int maxChunks) {
        int dimension = r.intRange(1, 16);
        Similarity similarity = r.oneOf(Similarity.values());
        int total = r.trueOrFalse(0.05) ? 0 : r.intRange(1, maxChunks);
        int idSpace = Math.max(1, (int) (total * r.doubleRange(0.5, 1.0)));
        List<float[]> vectorsSoFar = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Map<String, StoredChunk> batch = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            String id = "c" + r.intRange(0, idSpace - 1);
            if (batch.containsKey(id) || r.trueOrFalse(0.05)) {
                steps.add(new Upsert(List.copyOf(batch.values())));
                batch.clear();
                if (r.trueOrFalse(0.3)) {
                    steps.add(new Delete(List.of("c" + r.intRange(0, idSpace - 1), "c" + r.intRange(0, idSpace - 1))));
                }
            }
            float[] v = StoreValues.vector(r, dimension, vectorsSoFar);
            vectorsSoFar.add(v);
            String text = "text of " + id + " " + r.oneOf("alpha", "beta", "gamma") + " #" + i;
            batch.put(id, new StoredChunk(id, text, v, StoreValues.poolMetadata(r)));
        }
        if (!batch.isEmpty()) {
            steps.add(new Upsert(List.copyOf(batch.values())));
        }
        List<VectorQuery> queries = new ArrayList<>();
        int q = r.intRange(1, 6);
        for (int i = 0; i < q; i++) {
            float[] v = StoreValues.vector(r, dimension, vectorsSoFar);
            int topK = switch (r.intRange(0, 5)) {
                case 0 -> 1;
                case 1 -> r.intRange(300, 10_000);
                default -> r.intRange(1, 40);
            };
            Filter filter = r.trueOrFalse(0.25) ? null : StoreValues.poolFilter(r, 3);
            double minScore = switch (r.intRange(0, 4)) {
                case 0, 1 -> Double.NEGATIVE_INFINITY;
                case 2 -> 0.0;
                default -> r.doubleRange(-1.0, 1.0);
            };
            queries.add(new VectorQuery(v, topK, filter, minScore));
        }
        return new StoreScenario(dimension, similarity, steps, queries);
    }
}
