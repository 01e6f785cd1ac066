package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * How the model picks tokens. Every field is optional: {@code null} (or an empty stop list) means "the model's
 * default". Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * Sampling s = Sampling.builder().temperature(0.2).maxTokens(256).seed(42L).stop("\n\n").build();
 * }</pre>
 *
 * @param temperature randomness, >= 0; 0 means greedy
 * @param topP nucleus sampling mass, in (0, 1]
 * @param topK sample among the k most likely tokens, >= 1
 * @param maxTokens the most tokens to generate, >= 1
 * @param seed a seed for reproducible sampling, where the model supports it
 * @param stop sequences that end generation; they are not part of the answer
 * @param repetitionPenalty > 0; above 1 discourages repeating tokens (local models)
 */
public record Sampling(
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxTokens,
        Long seed,
        List<String> stop,
        Double repetitionPenalty) {

    /** All defaults. */
    public static final Sampling DEFAULTS = new Sampling(null, null, null, null, null, List.of(), null);

    public Sampling {
        Preconditions.check(temperature == null || (temperature >= 0 && Double.isFinite(temperature)),
                "temperature must be >= 0, was " + temperature);
        Preconditions.check(topP == null || (topP > 0 && topP <= 1), "topP must be in (0, 1], was " + topP);
        Preconditions.check(topK == null || topK >= 1, "topK must be >= 1, was " + topK);
        Preconditions.check(maxTokens == null || maxTokens >= 1, "maxTokens must be >= 1, was " + maxTokens);
        Preconditions.check(repetitionPenalty == null || (repetitionPenalty > 0 && Double.isFinite(repetitionPenalty)),
                "repetitionPenalty must be > 0, was " + repetitionPenalty);
        stop = Preconditions.immutableList(stop, "stop");
        for (String s : stop) {
            Preconditions.check(!s.isEmpty(), "stop sequences must not be empty");
        }
    }

    /** A builder starting from all defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.temperature = temperature;
        b.topP = topP;
        b.topK = topK;
        b.maxTokens = maxTokens;
        b.seed = seed;
        b.stop = stop;
        b.repetitionPenalty = repetitionPenalty;
        return b;
    }

    /** Builds {@link Sampling}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Integer maxTokens;
        private Long seed;
        private List<String> stop = List.of();
        private Double repetitionPenalty;

        private Builder() {}

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topP(Double topP) {
            this.topP = topP;
            return this;
        }

        public Builder topK(Integer topK) {
            this.topK = topK;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder stop(String... stop) {
            this.stop = List.of(stop);
            return this;
        }

        public Builder stop(List<String> stop) {
            this.stop = stop;
            return this;
        }

        public Builder repetitionPenalty(Double repetitionPenalty) {
            this.repetitionPenalty = repetitionPenalty;
            return this;
        }

        public Sampling build() {
            return new Sampling(temperature, topP, topK, maxTokens, seed, stop, repetitionPenalty);
        }
    }
}
