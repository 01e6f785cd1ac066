package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChatResponse} and {@link AssistantMessage}: required parts, defaults for the rest. */
class ChatResponseDefaultsTest {
    private static final ModelInfo MODEL = ModelInfo.builder("m", "p").build();

    @Test
    void defaults() {
        ChatResponse r = new ChatResponse(AssistantMessage.of("hi"), null, null, MODEL, null);
        assertThat(r.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.timings()).isEqualTo(Timings.ZERO);
        assertThat(r.text()).isEqualTo("hi");
    }

    @Test
    void messageAndModelAreRequired() {
        assertThatThrownBy(() -> new ChatResponse(null, null, null, MODEL, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("message must not be null");
        assertThatThrownBy(() -> new ChatResponse(AssistantMessage.of(""), null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model must not be null");
    }

    @Test
    void assistantMessageDefaults() {
        AssistantMessage m = new AssistantMessage(null, null);
        assertThat(m.text()).isEmpty();
        assertThat(m.toolCalls()).isEmpty();
        assertThat(m.hasToolCalls()).isFalse();
        assertThat(new AssistantMessage("", List.of(new ToolCall("c", "t", "{}"))).hasToolCalls()).isTrue();
    }

    @Test
    void deltasValidate() {
        assertThatThrownBy(() -> new ChatDelta.Text(""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a text delta must not be empty");
        assertThatThrownBy(() -> new ChatDelta.ToolCallChunk(-1, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("index must be >= 0, was -1");
        assertThat(new ChatDelta.ToolCallChunk(0, null, null, null).argumentsFragment()).isEmpty();
    }
}
