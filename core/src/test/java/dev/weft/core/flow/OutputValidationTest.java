package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.GuardrailViolationException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Message;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OutputValidation}: answers that fail the check are repaired or rejected with a guardrail violation. */
class OutputValidationTest {
    private static final OutputCheck SHOUTED = OutputCheck.that(r -> r.text().equals(r.text().toUpperCase()), "the answer must be upper case");

    private final ScriptedChatModel model = ScriptedChatModel.named("m");

    private ChatModel validated(OutputValidation validation) {
        return ChatPipeline.over(model).with(validation).build();
    }

    @Test
    void aValidAnswerPassesUntouched() {
        model.thenAnswer("HELLO");
        OutputValidation v = OutputValidation.rejecting(SHOUTED);

        ChatResponse r = validated(v).chat(ChatRequest.of("q"));

        assertThat(r.text()).isEqualTo("HELLO");
        assertThat(r.usage()).isEqualTo(new TokenUsage(3, 2));
        assertThat(v.metrics()).isEqualTo(new OutputValidationMetrics(1, 1, 0, 0, 0));
    }

    @Test
    void anInvalidAnswerIsRejectedWithAGuardrailViolation() {
        model.thenAnswer("hello");
        OutputValidation v = OutputValidation.rejecting(SHOUTED);

        Throwable thrown = catchThrowable(() -> validated(v).chat(ChatRequest.of("q")));

        assertThat(thrown).isInstanceOf(GuardrailViolationException.class)
                .hasMessage("output-validation: the answer of m failed its check: the answer must be upper case."
                        + " Make the prompt ask for what the check needs, or allow repairs.");
        assertThat(((GuardrailViolationException) thrown).guardrail()).isEqualTo("output-validation");
        assertThat(v.metrics()).isEqualTo(new OutputValidationMetrics(1, 0, 1, 0, 1));
    }

    @Test
    void aRepairSendsTheAnswerBackWithTheProblemAndCountsEveryAttemptsUsage() {
        model.thenAnswer("hello").thenAnswer("HELLO");
        OutputValidation v = OutputValidation.builder(SHOUTED).repairs(2).build();
        ChatRequest request = ChatRequest.builder().system("be loud").user("greet me").build();

        ChatResponse r = validated(v).chat(request);

        assertThat(r.text()).isEqualTo("HELLO");
        assertThat(r.usage()).isEqualTo(new TokenUsage(6, 4));
        assertThat(model.chatRequests()).hasSize(2);
        assertThat(model.chatRequests().get(1).messages()).containsExactly(Message.system("be loud"), Message.user("greet me"),
                Message.assistant("hello"), Message.user("Your previous answer was rejected: the answer must be upper case."
                        + " Answer the request again, correcting that."));
        assertThat(v.metrics()).isEqualTo(new OutputValidationMetrics(2, 1, 1, 1, 0));
    }

    @Test
    void whenRepairsRunOutTheLastAnswerIsRejected() {
        model.thenAnswer("a").thenAnswer("b").thenAnswer("c");
        OutputValidation v = OutputValidation.builder(SHOUTED).name("loud").repairs(2)
                .repairPrompt(problem -> "Again: " + problem).build();

        assertThatThrownBy(() -> validated(v).chat(ChatRequest.of("q")))
                .isInstanceOf(GuardrailViolationException.class)
                .hasMessageStartingWith("loud: the answer of m failed its check after 2 repairs: the answer must be upper case");
        assertThat(model.chatRequests()).hasSize(3);
        assertThat(model.chatRequests().get(2).messages()).hasSize(5).last().isEqualTo(Message.user("Again: the answer must be upper case"));
        assertThat(v.metrics()).isEqualTo(new OutputValidationMetrics(3, 0, 3, 2, 1));
    }

    @Test
    void aStreamIsCheckedWhenItEndsAndRejectedWithoutRepair() {
        model.thenAnswer("HELLO").thenAnswer("hello");
        OutputValidation v = OutputValidation.builder(SHOUTED).repairs(3).build();
        ChatModel validated = validated(v);

        try (ChatStream s = validated.stream(ChatRequest.of("q"))) {
            assertThat(s.response().text()).isEqualTo("HELLO");
        }
        List<String> seen = new ArrayList<>();
        try (ChatStream s = validated.stream(ChatRequest.of("q"))) {
            Throwable thrown = catchThrowable(() -> s.forEachDelta(d -> seen.add(((ChatDelta.Text) d).text())));
            assertThat(thrown).isInstanceOf(GuardrailViolationException.class);
        }
        assertThat(seen).containsExactly("he", "ll", "o");
        assertThat(model.streamRequests()).hasSize(2);
        assertThat(v.metrics()).isEqualTo(new OutputValidationMetrics(2, 1, 1, 0, 1));
    }

    @Test
    void closingAStreamEarlyClosesTheModelsStream() {
        OutputValidation v = OutputValidation.rejecting(SHOUTED);
        ChatStream s = validated(v).stream(ChatRequest.of("q"));
        s.iterator().next();

        s.close();

        assertThat(catchThrowable(s::response)).hasMessageContaining("closed before it ended");
        assertThat(v.metrics().checks()).isZero();
    }

    @Test
    void buildNamesBadOptions() {
        assertThatThrownBy(() -> OutputValidation.builder(SHOUTED).repairs(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("repairs must be >= 0, was -1");
        assertThatThrownBy(() -> OutputValidation.builder(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("check");
        assertThatThrownBy(() -> OutputValidation.builder(SHOUTED).name("").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> OutputCheck.that(r -> true, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("problem");
    }
}
