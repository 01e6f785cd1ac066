package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.BlockingSource;
import dev.weft.core.testing.GatedChatModel;
import dev.weft.core.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Timeout}: a deadline for any model, for calls and for streams. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeoutTest {
    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void aCallPastItsDeadlineFailsAndTheModelIsInterrupted() throws Exception {
        GatedChatModel model = new GatedChatModel("g");
        Timeout timeout = Timeout.of(SHORT);
        ChatModel timed = ChatPipeline.over(model).with(timeout).build();

        Throwable thrown = catchThrowable(() -> timed.chat(ChatRequest.of("q")));

        assertThat(thrown).isInstanceOf(ModelTimeoutException.class).hasMessageContaining("within " + SHORT);
        assertThat(((ModelTimeoutException) thrown).timeout()).isEqualTo(SHORT);
        model.awaitInterrupted(1);
        assertThat(timeout.metrics()).isEqualTo(new TimeoutMetrics(1, 1));
    }

    @Test
    void answersAndFailuresWithinTheDeadlinePassThroughUnchanged() {
        InvalidRequestException failure = new InvalidRequestException("400", 400, "");
        ScriptedChatModel model = ScriptedChatModel.named("m").thenAnswer("fast").thenThrow(failure);
        Timeout timeout = Timeout.of(Duration.ofSeconds(30));
        ChatModel timed = ChatPipeline.over(model).with(timeout).build();

        assertThat(timed.chat(ChatRequest.of("q")).text()).isEqualTo("fast");
        assertThat(catchThrowable(() -> timed.chat(ChatRequest.of("q")))).isSameAs(failure);
        assertThat(timeout.metrics()).isEqualTo(new TimeoutMetrics(2, 0));
    }

    @Test
    void aStreamThatNeverEndsIsCutOffAndClosed() {
        BlockingSource source = new BlockingSource(null, false);
        ChatModel streaming = streamingFrom(source);
        Timeout timeout = Timeout.builder().total(SHORT).build();

        source.push(new ChatDelta.Text("a"));
        try (ChatStream stream = ChatPipeline.over(streaming).with(timeout).build().stream(ChatRequest.of("q"))) {
            Iterator<ChatDelta> it = stream.iterator();
            assertThat(it.next()).isEqualTo(new ChatDelta.Text("a"));
            assertThat(catchThrowable(it::hasNext)).isInstanceOf(ModelTimeoutException.class).hasMessageContaining("did not end");
        }
        assertThat(source.closeCalls()).isOne();
        assertThat(timeout.metrics()).isEqualTo(new TimeoutMetrics(1, 1));
    }

    @Test
    void aStreamSilentForLongerThanItsIdleLimitIsCutOff() {
        BlockingSource source = new BlockingSource(null, false);
        ChatModel streaming = streamingFrom(source);
        Timeout timeout = Timeout.builder().total(Duration.ofSeconds(30)).streamIdle(SHORT).build();

        try (ChatStream stream = ChatPipeline.over(streaming).with(timeout).build().stream(ChatRequest.of("q"))) {
            assertThat(catchThrowable(stream::response)).isInstanceOf(ModelTimeoutException.class).hasMessageContaining("sent nothing");
        }
        assertThat(source.closeCalls()).isOne();
    }

    /** A model whose streams read {@code source}: a network stream the test feeds. */
    private static ChatModel streamingFrom(BlockingSource source) {
        ModelInfo info = ScriptedChatModel.named("m").info();
        return new ChatModel() {
            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                throw new UnsupportedOperationException("streams only");
            }

            @Override
            public ChatStream stream(ChatRequest request) {
                return ChatStream.from(source);
            }
        };
    }

    @Test
    void builderNamesTheBadOption() {
        assertThat(catchThrowable(() -> Timeout.builder().build())).hasMessageContaining("total");
        assertThat(catchThrowable(() -> Timeout.builder().total(SHORT).streamIdle(Duration.ZERO).build())).hasMessageContaining("streamIdle");
    }
}
