package dev.weft.inference.onnx.internal.generation;

import java.util.List;
import java.util.Set;

/**
 * A request made ready to generate: its prompt tokens and how to sample and stop.
 *
 * @param ids the prompt's token ids, at least one
 * @param plan sampling with defaults filled in
 * @param stopIds token ids that end the answer (end of sequence, end of turn)
 * @param stopSequences texts that end the answer, from the request and the template's end-of-turn markers
 */
record PreparedPrompt(long[] ids, SamplingPlan plan, Set<Integer> stopIds, List<String> stopSequences) {
    int length() {
        return ids.length;
    }
}
