package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.WeftException;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ChatStream#of(ChatResponse)} and {@link ChatStream#deferred}: replaying an answer already at hand, lazily. */
class ChatStreamReplayTest {
    private static final ModelInfo MODEL = ScriptedChatModel.named("m").info();

    private static List<ChatDelta> drain(ChatStream stream) {
        List<ChatDelta> out = new ArrayList<>();
        stream.forEach(out::add);
        return out;
    }

    @Test
    void replaysTheTextThenEachToolCallWhole() {
        ToolCall first = new ToolCall("c1", "search", "{\"q\":\"x\"}");
        ToolCall second = new ToolCall("c2", "lookup", null);
        ChatResponse response = new ChatResponse(new AssistantMessage("Let me look.", List.of(first, second)),
                new TokenUsage(5, 7), FinishReason.TOOL_CALLS, MODEL, null);
        try (ChatStream stream = ChatStream.of(response)) {
            assertThat(drain(stream)).containsExactly(
                    new ChatDelta.Text("Let me look."),
                    new ChatDelta.ToolCallChunk(0, "c1", "search", "{\"q\":\"x\"}"),
                    new ChatDelta.ToolCallChunk(1, "c2", "lookup", "{}"));
            assertThat(stream.response()).isSameAs(response);
        }
    }

    @Test
    void toolCallsOnlyGiveNoTextDelta() {
        ChatResponse response = new ChatResponse(new AssistantMessage("", List.of(new ToolCall("c1", "t", "{}"))),
                null, FinishReason.TOOL_CALLS, MODEL, null);
        assertThat(drain(ChatStream.of(response))).containsExactly(new ChatDelta.ToolCallChunk(0, "c1", "t", "{}"));
    }

    @Test
    void anEmptyAnswerGivesNoDeltasButAResponse() {
        ChatResponse response = ScriptedChatModel.answer("", MODEL);
        ChatStream stream = ChatStream.of(response);
        assertThat(drain(stream)).isEmpty();
        assertThat(stream.response()).isSameAs(response);
    }

    @Test
    void deferredCallsTheSupplierOnceWhenFirstRead() {
        AtomicInteger calls = new AtomicInteger();
        ChatStream stream = ChatStream.deferred(() -> {
            calls.incrementAndGet();
            return ScriptedChatModel.answer("late", MODEL);
        });
        assertThat(calls).hasValue(0);
        assertThat(drain(stream)).containsExactly(new ChatDelta.Text("late"));
        assertThat(stream.response().text()).isEqualTo("late");
        assertThat(calls).hasValue(1);
    }

    @Test
    void deferredClosedUnreadNeverCallsTheSupplier() {
        AtomicInteger calls = new AtomicInteger();
        ChatStream stream = ChatStream.deferred(() -> {
            calls.incrementAndGet();
            return ScriptedChatModel.answer("never", MODEL);
        });
        stream.close();
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void deferredFailureSurfacesFromTheStream() {
        ChatStream stream = ChatStream.deferred(() -> {
            throw new ModelUnavailableException("down");
        });
        assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(ModelUnavailableException.class);
        assertThatThrownBy(stream::response).isInstanceOf(ModelUnavailableException.class).hasMessage("down");
    }
}
