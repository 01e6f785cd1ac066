package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ExactCache} on streams: hits replay as streams, and only streams that end normally are stored. */
class ExactCacheStreamTest {
    private static final String ANSWER = "Paris is the capital of France.";

    private final ScriptedChatModel model = ScriptedChatModel.named("m");
    private final ExactCache cache = ExactCache.builder().build();
    private final ChatModel cached = ChatPipeline.over(model).with(cache).build();

    @Test
    void aHitIsServedAsAStream() {
        model.thenAnswer(Answers.text(ANSWER, model.info()));
        cached.chat(ChatRequest.of("Capital of France?"));

        List<ChatDelta> deltas = new ArrayList<>();
        ChatResponse done;
        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            done = stream.forEachDelta(deltas::add);
        }

        assertThat(model.streamRequests()).isEmpty();
        assertThat(deltas).containsExactly(new ChatDelta.Text(ANSWER));
        assertThat(done.text()).isEqualTo(ANSWER);
        assertThat(done.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(done.timings()).isEqualTo(Timings.ZERO);
        assertThat(cache.metrics().hits()).isOne();
    }

    @Test
    void aToolCallHitIsServedAsAStreamOfWholeCalls() {
        model.thenAnswer(Answers.toolCall(FinishReason.TOOL_CALLS, model.info()));
        cached.chat(ChatRequest.of("Weather in Paris?"));

        List<ChatDelta> deltas = new ArrayList<>();
        try (ChatStream stream = cached.stream(ChatRequest.of("Weather in Paris?"))) {
            assertThat(stream.forEachDelta(deltas::add).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        }
        assertThat(deltas).containsExactly(new ChatDelta.ToolCallChunk(0, "call-1", "get_weather", "{\"city\":\"Paris\"}"));
    }

    @Test
    void aStreamThatEndsNormallyIsStoredForStreamsAndCalls() {
        ChatResponse original = Answers.text(ANSWER, model.info());
        model.thenStream(new ScriptedSource(Answers.deltas(ANSWER), original));

        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            assertThat(stream.response()).isEqualTo(original);
        }
        ChatResponse viaChat = cached.chat(ChatRequest.of("Capital of France?"));
        ChatResponse viaStream;
        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            viaStream = stream.response();
        }

        assertThat(model.streamRequests()).hasSize(1);
        assertThat(model.chatRequests()).isEmpty();
        assertThat(viaChat.text()).isEqualTo(ANSWER);
        assertThat(viaStream).isEqualTo(viaChat);
        assertThat(cache.metrics()).isEqualTo(new ExactCacheMetrics(2, 1, 1, 0, 1, Answers.USAGE.plus(Answers.USAGE), 0));
    }

    @Test
    void aStreamClosedBeforeItEndsIsNotStored() {
        model.thenStream(new ScriptedSource(Answers.deltas(ANSWER), Answers.text(ANSWER, model.info())));

        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            Iterator<ChatDelta> it = stream.iterator();
            it.next();
            it.next();
        }
        cached.chat(ChatRequest.of("Capital of France?"));

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(cache.metrics().stores()).isOne(); // the chat answer, not the abandoned stream
    }

    @Test
    void aStreamClosedWithoutBeingReadIsNotStored() {
        model.thenStream(new ScriptedSource(Answers.deltas(ANSWER), Answers.text(ANSWER, model.info())));

        cached.stream(ChatRequest.of("Capital of France?")).close();

        assertThat(cache.metrics().stores()).isZero();
        assertThat(cache.metrics().entries()).isZero();
    }

    @Test
    void aStreamThatFailsIsNotStored() {
        model.thenStream(ScriptedSource.failingAt(Answers.deltas(ANSWER), 3, new ModelUnavailableException("connection reset")));

        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            assertThat(catchThrowable(stream::response)).isInstanceOf(ModelUnavailableException.class);
        }
        cached.chat(ChatRequest.of("Capital of France?"));

        assertThat(model.chatRequests()).hasSize(1);
    }

    @Test
    void aStreamThatFailsInItsLastStepIsNotStored() {
        model.thenStream(ScriptedSource.failingInFinish(Answers.deltas(ANSWER), new ModelUnavailableException("no usage chunk")));

        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            assertThat(catchThrowable(stream::response)).isInstanceOf(WeftException.class);
        }

        assertThat(cache.metrics().stores()).isZero();
    }

    @Test
    void aTruncatedStreamIsNotStored() {
        model.thenStream(new ScriptedSource(Answers.deltas("Paris is"), Answers.finishing("Paris is", FinishReason.LENGTH, model.info())));

        try (ChatStream stream = cached.stream(ChatRequest.of("Capital of France?"))) {
            stream.response();
        }

        assertThat(cache.metrics().stores()).isZero();
    }
}
