package dev.weft.core.flow;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.TokenUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts the normalised answers of a list of samples and names the winner. */
final class Tally {
    private Tally() {}

    /**
     * The vote over {@code samples}: the answer given most often wins; among answers given equally often, the one
     * that appeared first in sample order.
     *
     * @throws InvalidModelResponseException if no sample has an answer
     */
    static ConsistentAnswer count(List<ChatResponse> samples, AnswerExtractor extractor, AnswerNormaliser normaliser) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Integer> firstSample = new HashMap<>();
        TokenUsage usage = TokenUsage.ZERO;
        for (int i = 0; i < samples.size(); i++) {
            ChatResponse sample = samples.get(i);
            usage = usage.plus(sample.usage());
            Optional<String> extracted = extractor.extract(sample);
            if (extracted.isPresent()) {
                String answer = normaliser.normalise(extracted.get());
                if (!answer.isEmpty()) {
                    votes.merge(answer, 1, Integer::sum);
                    firstSample.putIfAbsent(answer, i);
                }
            }
        }
        if (votes.isEmpty()) {
            throw new InvalidModelResponseException("None of the " + samples.size() + " samples gave an answer to vote on;"
                    + " check the answer extractor against what the model writes", samples.getFirst().text());
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(votes.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed()); // stable: ties keep first-appearance order
        Map<String, Integer> tally = new LinkedHashMap<>();
        ranked.forEach(e -> tally.put(e.getKey(), e.getValue()));
        String winner = ranked.getFirst().getKey();
        ChatResponse chosen = samples.get(firstSample.get(winner));
        ChatResponse response = new ChatResponse(chosen.message(), usage, chosen.finishReason(), chosen.model(), chosen.timings());
        return new ConsistentAnswer(winner, response, (double) votes.get(winner) / samples.size(), tally, samples);
    }
}
