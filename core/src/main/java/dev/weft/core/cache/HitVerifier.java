package dev.weft.core.cache;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ScoringModel;

/**
 * A second check on a {@link SemanticCache} hit: given the final user turn of a request and the turn a cached
 * answer was stored for, says whether that answer may be reused. The cache asks it about each neighbour at or
 * above its threshold, nearest first, and serves the first it accepts; if it accepts none the call is a miss.
 * A verifier that throws makes the lookup fail: the call goes to the model uncached and is logged at WARN, never
 * failed.
 *
 * <p>A bi-encoder's cosine similarity cannot tell "...directives in C++?" from "...directives in C?"; a model
 * that reads both texts together can. Verifiers run only on candidate hits, so their cost is paid on the
 * fraction of calls that would have hit. Cheap lexical guards (both texts must hold the same numbers; no single
 * swapped content word) were measured too and are not provided: on GPTCache's mock pairs they drop more correct
 * hits than wrong ones, and on Quora they gain at most about a point of precision over a plain higher threshold
 * at the same hit rate.
 *
 * <pre>{@code
 * SemanticCache cache = SemanticCache.builder(embedder)
 *     .verifier(HitVerifier.scoring(crossEncoder, 0.5))   // e.g. a duplicate-question cross-encoder
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one verifier serves every call of a cache.
 */
@FunctionalInterface
public interface HitVerifier {

    /** Whether the answer cached for {@code candidate.cached()} may answer {@code candidate.query()}. */
    boolean accepts(Candidate candidate);

    /**
     * A candidate hit.
     *
     * @param query the request's final user turn, normalised as the cache embeds it
     * @param cached the final user turn the cached answer was stored for, normalised the same way
     * @param similarity their cosine similarity under the cache's embedding model, at least the threshold
     */
    record Candidate(String query, String cached, float similarity) {
        public Candidate {
            Preconditions.notNull(query, "query");
            Preconditions.notNull(cached, "cached");
        }
    }

    /** This verifier, then {@code other}: accepts only what both accept, asking {@code other} only if this accepts. */
    default HitVerifier and(HitVerifier other) {
        Preconditions.notNull(other, "other");
        return candidate -> accepts(candidate) && other.accepts(candidate);
    }

    /**
     * Accepts a candidate when {@code model} scores the cached turn at least {@code minScore} against the query:
     * {@code model.score(query, List.of(cached))}, on the model's own scale (a cross-encoder's logit or
     * probability). Meant for a duplicate-question or paraphrase cross-encoder. One model call per candidate hit.
     * No such model ships in a jar Weft may use, so this verifier's effect on precision has not been measured here;
     * measure it with {@code SemanticCacheQuality} before choosing {@code minScore}.
     *
     * @throws dev.weft.core.InvalidInputException if {@code model} is null or {@code minScore} is NaN
     */
    static HitVerifier scoring(ScoringModel model, double minScore) {
        Preconditions.check(!Double.isNaN(minScore), "minScore must be a number, was NaN");
        return new ScoringVerifier(Preconditions.notNull(model, "model"), minScore);
    }

    /**
     * Accepts a candidate when a second embedding model agrees: the cosine similarity of query and cached turn,
     * both embedded by {@code model} (one call with two texts per candidate hit), is at least {@code minCosine}.
     * A model trained differently vetoes some of the first model's confident mistakes. Measured by
     * {@code SemanticCacheQuality} with all-MiniLM-L6-v2 as the cache's model and bge-small-en-v1.5 (int8) as the
     * second: at threshold 0.90 with {@code minCosine} 0.93, GPTCache's mock pairs give 637 correct / 34 wrong hits
     * (precision 0.972 counting identical cached questions right, hit rate 0.672) where the plain cache needs
     * threshold 0.93 for that precision and hits 0.576; on Quora's held-out pairs hit precision rises by 2–3 points
     * at an equal hit rate (0.707 at hit rate 0.192, against 0.680 at 0.192 without it). It does not make Quora's
     * near-identical non-duplicates safe. bge-small's cosines run high: 0.90–0.95 is its useful range.
     */
    static HitVerifier embedding(EmbeddingModel model, double minCosine) {
        Preconditions.check(minCosine >= -1 && minCosine <= 1, "minCosine must be in [-1, 1], was " + minCosine);
        return new EmbeddingVerifier(Preconditions.notNull(model, "model"), minCosine);
    }
}
