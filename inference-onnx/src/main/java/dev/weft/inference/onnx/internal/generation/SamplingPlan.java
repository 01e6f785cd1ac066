package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.chat.Sampling;
import java.util.List;

/**
 * One request's sampling with every default filled in.
 *
 * @param temperature 0 for greedy decoding
 * @param topK the most likely tokens to sample among; 0 for all
 * @param topP the probability mass to sample within; 1 for all
 * @param repetitionPenalty 1 for none; above 1 discourages tokens already in the prompt or answer
 * @param maxTokens the most tokens to generate
 * @param seed the sampling seed, or null for a random one
 * @param stop sequences that end the answer
 */
record SamplingPlan(double temperature, int topK, double topP, double repetitionPenalty, int maxTokens, Long seed,
                           List<String> stop) {

    public SamplingPlan {
        stop = List.copyOf(stop);
    }

    /** {@code request}'s values, falling back to {@code defaults}', then to greedy decoding of {@code maxTokens}. */
    static SamplingPlan resolve(Sampling request, Sampling defaults, int maxTokens) {
        return new SamplingPlan(
                first(request.temperature(), defaults.temperature(), 0.0),
                first(request.topK(), defaults.topK(), 0),
                first(request.topP(), defaults.topP(), 1.0),
                first(request.repetitionPenalty(), defaults.repetitionPenalty(), 1.0),
                first(request.maxTokens(), defaults.maxTokens(), maxTokens),
                request.seed() != null ? request.seed() : defaults.seed(),
                !request.stop().isEmpty() ? request.stop() : defaults.stop());
    }

    /** Whether the most likely token is always taken. */
    boolean greedy() {
        return temperature == 0;
    }

    private static <T> T first(T value, T fallback, T last) {
        return value != null ? value : fallback != null ? fallback : last;
    }
}
