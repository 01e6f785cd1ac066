package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Sampling;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers end at maxTokens and at the model's context limit (and, when told to ignore end-of-sequence tokens, only
 * there); a prompt that leaves no room is refused.
 */
class LengthLimitTest {
    /** micro-lm's max_position_embeddings. */
    private static final int POSITIONS = 1024;

    @ParameterizedTest(name = "maxTokens {0}")
    @ValueSource(ints = {1, 2, 7, 33})
    void anAnswerStopsAtMaxTokens(int maxTokens) {
        ChatResponse r = LanguageModels.microLm().chat(ChatRequest.builder().user("The protein")
                .sampling(Sampling.builder().maxTokens(maxTokens).build()).build());
        assertThat(r.usage().outputTokens()).isEqualTo(maxTokens);
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void anAnswerStopsAtTheContextLimit() {
        String prompt = "The " + "protein ".repeat(POSITIONS - 10);
        int promptTokens = LanguageModels.microLm().tokenCounter().count(prompt);
        assertThat(promptTokens).isBetween(POSITIONS - 40, POSITIONS - 2);

        ChatResponse r = LanguageModels.microLm().chat(ChatRequest.builder().user(prompt)
                .sampling(Sampling.builder().maxTokens(200).build()).build());

        assertThat(r.usage().inputTokens()).isEqualTo(promptTokens);
        assertThat(r.usage().inputTokens() + r.usage().outputTokens()).isEqualTo(POSITIONS);
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void aPromptThatFillsTheContextIsRefusedNamingItsLengthAndTheLimit() {
        String prompt = "The " + "protein ".repeat(POSITIONS + 10);
        int promptTokens = LanguageModels.microLm().tokenCounter().count(prompt);
        long stepsBefore = LanguageModels.microLm().engine().stepsRun();

        assertThatThrownBy(() -> LanguageModels.microLm().chat(ChatRequest.of(prompt)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too long")
                .hasMessageContaining(promptTokens + " tokens")
                .hasMessageContaining("1024 positions")
                .hasMessageContaining("max_position_embeddings");
        assertThatThrownBy(() -> LanguageModels.microLm().stream(ChatRequest.of(prompt)))
                .as("a stream refuses it before it is read")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LanguageModels.microLm().chatBatch(List.of(ChatRequest.of("fine"), ChatRequest.of(prompt))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("requests[1]");
        assertThat(LanguageModels.microLm().engine().stepsRun()).as("nothing was generated").isEqualTo(stepsBefore);
    }

    @Test
    void ignoringEndOfSequenceRunsAnAnswerToMaxTokens() {
        ChatRequest request = ChatRequest.builder().user("Results").sampling(Sampling.builder().maxTokens(20).build()).build();
        ChatResponse stopped = LanguageModels.microLm().chat(request);
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(stopped.usage().outputTokens()).isLessThan(20);

        try (OnnxChatModel model = LanguageModels.builder(LanguageModels.microLmDirectory()).ignoreEndOfSequence(true).build()) {
            ChatResponse full = model.chat(request);
            assertThat(full.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(full.usage().outputTokens()).isEqualTo(20);
            assertThat(full.text()).startsWith(stopped.text());
            assertThat(model.info().attributes()).containsEntry("ignoreEndOfSequence", "true");
        }
    }

    @Test
    void aPromptThatRendersToNothingIsRefused() {
        assertThatThrownBy(() -> LanguageModels.microLm().chat(ChatRequest.of("")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty prompt");
    }
}
