package dev.weft.core.flow;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.TokenUsage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link SelfConsistency} vote. Immutable.
 *
 * @param answer the winning answer, normalised
 * @param response the first sample that gave the winning answer, with {@code usage} replaced by the usage of all
 *     samples (what the vote cost)
 * @param confidence the winner's votes divided by the number of samples (abstentions count against it), in (0, 1]
 * @param tally votes per normalised answer, most first; answers with equal votes in the order they first appeared
 * @param samples every sampled response, unchanged, in sample order
 */
public record ConsistentAnswer(String answer, ChatResponse response, double confidence, Map<String, Integer> tally,
        List<ChatResponse> samples) {

    public ConsistentAnswer {
        Preconditions.notNull(answer, "answer");
        Preconditions.notNull(response, "response");
        Preconditions.check(confidence > 0 && confidence <= 1, "confidence must be in (0, 1], was " + confidence);
        Preconditions.check(tally != null && tally.containsKey(answer), "the tally must hold the answer");
        tally = Collections.unmodifiableMap(new LinkedHashMap<>(tally));
        samples = Preconditions.immutableList(samples, "samples");
    }

    /** The winner's votes. */
    public int votes() {
        return tally.get(answer);
    }

    /** The tokens of all samples together; the same as {@code response().usage()}. */
    public TokenUsage usage() {
        return response.usage();
    }
}
