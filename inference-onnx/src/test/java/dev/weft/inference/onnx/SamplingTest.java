package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Sampling;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request's sampling reaches the decoder: seeds, top-k, top-p, repetition penalty and model defaults. */
class SamplingTest {
    private static final LanguageModels.Reference REFERENCE = LanguageModels.Reference.of(LanguageModels.microLmDirectory());

    private static String answer(OnnxChatModel model, Sampling.Builder sampling) {
        return model.chat(ChatRequest.builder().user(REFERENCE.prompt()).sampling(sampling.maxTokens(40).build()).build()).text();
    }

    @Test
    void differentSeedsGiveDifferentAnswersAndTheSameSeedTheSameAnswer() {
        Set<String> answers = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            String a = answer(LanguageModels.microLm(), Sampling.builder().temperature(1.0).seed(seed));
            assertThat(answer(LanguageModels.microLm(), Sampling.builder().temperature(1.0).seed(seed))).isEqualTo(a);
            answers.add(a);
        }
        assertThat(answers).hasSizeGreaterThan(1);
    }

    @Test
    void topKOfOneAndATinyNucleusAreGreedy() {
        assertThat(answer(LanguageModels.microLm(), Sampling.builder().temperature(1.5).topK(1).seed(3L)))
                .isEqualTo(REFERENCE.greedyText());
        assertThat(answer(LanguageModels.microLm(), Sampling.builder().temperature(1.5).topP(1e-6).seed(3L)))
                .isEqualTo(REFERENCE.greedyText());
    }

    @Test
    void aRepetitionPenaltyBreaksTheGreedyLoop() {
        assertThat(REFERENCE.greedyText()).contains("ATATATAT");
        assertThat(answer(LanguageModels.microLm(), Sampling.builder().repetitionPenalty(1.5))).doesNotContain("ATATATAT");
    }

    @Test
    void modelDefaultsFillWhatTheRequestLeavesUnset() {
        try (OnnxChatModel model = LanguageModels.builder(LanguageModels.microLmDirectory())
                .defaultSampling(Sampling.builder().temperature(1.0).seed(9L).maxTokens(5).build()).build()) {
            var defaulted = model.chat(ChatRequest.of(REFERENCE.prompt()));
            assertThat(defaulted.usage().outputTokens()).isEqualTo(5);
            assertThat(defaulted.text()).isEqualTo(model.chat(ChatRequest.builder().user(REFERENCE.prompt())
                    .sampling(Sampling.builder().temperature(1.0).seed(9L).maxTokens(5).build()).build()).text());
            var overridden = model.chat(ChatRequest.builder().user(REFERENCE.prompt())
                    .sampling(Sampling.builder().temperature(0.0).maxTokens(40).build()).build());
            assertThat(overridden.text()).isEqualTo(REFERENCE.greedyText());
        }
    }
}
