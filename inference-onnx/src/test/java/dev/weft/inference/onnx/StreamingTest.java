package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
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
 * Streaming yields the non-streamed answer in pieces of whole characters. Cases are generated prompts sampled hot
 * (temperature 1.5) so that the small model writes multi-byte characters, and invalid byte sequences, across token
 * boundaries; each answer is also checked against the Hugging Face tokenizer's own decoding of the same token ids.
 */
class StreamingTest {
    private static final int CASES = 24;
    private static HuggingFaceTokenizer reference;

    @BeforeAll
    static void loadReferenceTokenizer() throws IOException {
        reference = HuggingFaceTokenizer.newInstance(LanguageModels.microLmDirectory().resolve("tokenizer.json"),
                Map.of("addSpecialTokens", "false"));
    }

    @AfterAll
    static void closeReferenceTokenizer() {
        reference.close();
    }

    /** A generated request: prompt, seed and temperature from {@code seed}. */
    static ChatRequest request(long seed) {
        Random random = new Random(seed);
        return ChatRequest.builder().user(Prompts.prompt(random, 8))
                .sampling(Sampling.builder().temperature(seed % 4 == 0 ? 0.0 : 1.5).seed(seed).maxTokens(48).build())
                .build();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void streamedTextEqualsTheAnswerInWholeCharacters(long seed) {
        OnnxChatModel model = LanguageModels.microLm();
        ChatRequest request = request(seed);
        GeneratedAnswer whole = model.engine().generate(List.of(request)).getFirst();

        List<String> deltas = new ArrayList<>();
        ChatResponse streamed;
        try (ChatStream stream = model.stream(request)) {
            streamed = stream.forEachDelta(d -> deltas.add(((ChatDelta.Text) d).text()));
        }

        assertThat(String.join("", deltas)).as("seed %d: streamed text", seed).isEqualTo(whole.response().text());
        assertThat(streamed.text()).isEqualTo(whole.response().text());
        assertThat(streamed.usage()).isEqualTo(whole.response().usage());
        assertThat(streamed.finishReason()).isEqualTo(whole.response().finishReason());
        for (String delta : deltas) {
            assertThat(wellFormed(delta)).as("seed %d: delta %s splits a character", seed, Arrays.toString(delta.chars().toArray()))
                    .isTrue();
        }
        assertThat(whole.response().text()).as("seed %d: the tokenizer's own decoding of %s", seed, Arrays.toString(whole.tokenIds()))
                .isEqualTo(reference.decode(whole.tokenIds(), true));
        assertThat(streamed.timings().timeToFirstToken()).isPositive().isLessThanOrEqualTo(streamed.timings().total());
    }

    @Test
    void theGeneratedCasesDoWriteMultiByteCharacters() {
        OnnxChatModel model = LanguageModels.microLm();
        long withMultiByte = seeds()
                .map(seed -> model.chat(request(seed)).text())
                .filter(text -> text.chars().anyMatch(c -> c > 0x7F))
                .count();
        assertThat(withMultiByte).as("answers holding a non-ASCII character, of %d", CASES).isGreaterThanOrEqualTo(3);
    }

    /** No lone surrogate: every character of the piece is whole. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
