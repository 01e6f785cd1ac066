package dev.weft.core.cache;

import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.ScoringModel;
import dev.weft.core.model.ScoringResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double standing in for a cross-encoder, which core's tests cannot load: it scores a candidate by the
 * Jaccard overlap of its word set with the query's (words as {@link BagOfWordsEmbeddingModel#words} sees them), in
 * [0, 1]. Can be told to answer with a fixed list of scores instead, to play a misbehaving model. Thread-safe.
 */
final class WordOverlapScoringModel implements ScoringModel {
    private final ModelInfo info = ModelInfo.builder("word-overlap", "test-double").capabilities(Capability.SCORING).build();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Function<List<String>, List<Double>> override;

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ScoringResponse score(String query, List<String> candidates) {
        calls.incrementAndGet();
        if (override != null) {
            return new ScoringResponse(override.apply(candidates), null);
        }
        List<Double> scores = new ArrayList<>();
        for (String candidate : candidates) {
            scores.add(jaccard(query, candidate));
        }
        return new ScoringResponse(scores, null);
    }

    static double jaccard(String a, String b) {
        Set<String> x = new HashSet<>(BagOfWordsEmbeddingModel.words(a));
        Set<String> y = new HashSet<>(BagOfWordsEmbeddingModel.words(b));
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 0 : x.size() / (double) union.size();
    }

    /** From now on answers {@code scores(candidates)} instead of scoring. */
    void answerWith(Function<List<String>, List<Double>> scores) {
        this.override = scores;
    }

    int calls() {
        return calls.get();
    }
}
