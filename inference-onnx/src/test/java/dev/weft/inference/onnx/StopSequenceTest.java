package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Sampling;
import dev.weft.inference.onnx.internal.generation.GeneratedAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stop sequence ends the answer just before it, never shows in the answer or in any streamed piece, and ends it
 * even when its characters come from different tokens. Generation stops at the first token that completes a stop
 * sequence; the answer is the text before the earliest stop sequence by then. Stop sequences are picked at random from the reference
 * prompt's greedy answer, so the cut point is known.
 */
class StopSequenceTest {
    private static LanguageModels.Reference reference;
    private static String greedy;
    private static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void greedyAnswer() throws IOException {
        reference = LanguageModels.Reference.of(LanguageModels.microLmDirectory());
        greedy = LanguageModels.microLm().chat(reference.request()).text();
        tokenizer = HuggingFaceTokenizer.newInstance(LanguageModels.microLmDirectory().resolve("tokenizer.json"), Map.of());
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 30).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theAnswerEndsJustBeforeTheFirstStopSequence(long seed) {
        Random random = new Random(seed);
        List<String> stops = new ArrayList<>();
        for (int s = random.nextInt(2); s >= 0; s--) {
            int from = random.nextInt(greedy.length() - 1);
            stops.add(greedy.substring(from, Math.min(greedy.length(), from + 1 + random.nextInt(6))));
        }
        // Generation stops at the first token whose text completes a stop sequence; the answer is the text before
        // the earliest stop sequence in the text so far.
        long[] ids = LanguageModels.microLm().engine().generate(List.of(reference.request())).getFirst().tokenIds();
        String expected = null;
        for (int k = 1; expected == null; k++) {
            String soFar = tokenText(ids, 0, k);
            int first = stops.stream().mapToInt(soFar::indexOf).filter(i -> i >= 0).min().orElse(-1);
            expected = first >= 0 ? soFar.substring(0, first) : null;
        }
        ChatRequest request = reference.request().withSampling(reference.request().sampling().toBuilder().stop(stops).build());

        ChatResponse answer = LanguageModels.microLm().chat(request);
        List<String> deltas = new ArrayList<>();
        try (ChatStream stream = LanguageModels.microLm().stream(request)) {
            stream.forEachDelta(d -> deltas.add(((ChatDelta.Text) d).text()));
        }

        assertThat(answer.text()).as("seed %d, stops %s", seed, stops).isEqualTo(expected);
        assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(String.join("", deltas)).isEqualTo(answer.text());
        for (String delta : deltas) {
            for (String stop : stops) {
                assertThat(delta).as("seed %d: a streamed piece", seed).doesNotContain(stop);
            }
        }
    }

    @Test
    void aStopSequenceSpreadOverTwoTokensIsCaught() {
        GeneratedAnswer whole = LanguageModels.microLm().engine().generate(List.of(reference.request())).getFirst();
        long[] ids = whole.tokenIds();
        // The last two characters of the 5th token's text and the first character of the 6th's.
        String before = tokenText(ids, 0, 5);
        String through = tokenText(ids, 0, 6);
        assertThat(through.length() - before.length()).isGreaterThanOrEqualTo(1);
        String stop = through.substring(before.length() - 2, before.length() + 1);
        ChatRequest request = reference.request().withSampling(reference.request().sampling().toBuilder().stop(stop).build());

        ChatResponse answer = LanguageModels.microLm().chat(request);

        assertThat(answer.text()).isEqualTo(greedy.substring(0, greedy.indexOf(stop)));
        assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(answer.usage().outputTokens()).as("stopped at the token that completed the stop sequence")
                .isLessThanOrEqualTo(6);
    }

    @Test
    void withoutAStopSequenceInTheTextTheAnswerRunsToMaxTokens() {
        ChatRequest request = reference.request().withSampling(
                reference.request().sampling().toBuilder().stop("never written by this model §§").build());
        ChatResponse answer = LanguageModels.microLm().chat(request);
        assertThat(answer.text()).isEqualTo(greedy);
        assertThat(answer.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    /** The text of tokens {@code from} to {@code to} (exclusive), as the tokenizer decodes them. */
    private static String tokenText(long[] ids, int from, int to) {
        return tokenizer.decode(Arrays.copyOfRange(ids, from, to), true);
    }
}
