package dev.weft.core.cache;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.model.ScoringModel;
import java.util.List;

/** {@link HitVerifier#scoring}: a scoring model's verdict on (query, cached turn). Thread-safe as the model is. */
record ScoringVerifier(ScoringModel model, double minScore) implements HitVerifier {

    @Override
    public boolean accepts(Candidate candidate) {
        List<Double> scores = model.score(candidate.query(), List.of(candidate.cached())).scores();
        if (scores.size() != 1 || scores.getFirst() == null || scores.getFirst().isNaN()) {
            throw new InvalidModelResponseException("Scoring model " + model.info().id()
                    + " did not return one number for one candidate; the semantic cache cannot verify the hit",
                    String.valueOf(scores));
        }
        return scores.getFirst() >= minScore;
    }
}
