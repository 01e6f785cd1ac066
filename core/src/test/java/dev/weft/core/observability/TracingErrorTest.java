package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Tracing} on failures: the span gets {@code error.type}, an {@code ERROR} status and the exception, the
 * duration histogram gets {@code error.type}, and the caller gets the very exception the model threw.
 */
class TracingErrorTest {
    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final Tracing tracing = Tracing.openTelemetry(telemetry.sdk());

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    /** An {@link Error} a model might throw (not an exception Weft would ever wrap). */
    static final class ModelCrash extends Error {
        private static final long serialVersionUID = 1L;

        ModelCrash() {
            super("native code crashed");
        }
    }

    private void assertFailedSpan(Throwable thrown, Throwable expected) {
        assertThat(thrown).isSameAs(expected);
        SpanData span = telemetry.onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo(expected.getMessage());
        assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo(expected.getClass().getCanonicalName());
        assertThat(span.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("exception");
            assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo(expected.getClass().getCanonicalName());
        });
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement().satisfies(p -> assertThat(p.getAttributes())
                .isEqualTo(Attributes.builder().put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "scripted")
                        .put("gen_ai.request.model", "m").put("error.type", expected.getClass().getCanonicalName()).build()));
        assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
    }

    @Test
    void aFailedChatIsAnErrorSpanNamingTheExceptionClass() {
        RateLimitedException failure = new RateLimitedException("429 from m: slow down", Duration.ofSeconds(2));
        ChatModel model = ChatPipeline.over(ScriptedChatModel.named("m").thenThrow(failure)).with(tracing).build();

        Throwable thrown = catchThrowable(() -> model.chat(ChatRequest.of("q")));

        assertFailedSpan(thrown, failure);
    }

    @Test
    void anErrorFromTheModelIsRecordedAndRethrownUnchanged() {
        ModelCrash crash = new ModelCrash();
        ChatModel crashing = ChatPipeline.over(ScriptedChatModel.named("m")).with((request, chain) -> {
            throw crash;
        }).build();
        ChatModel traced = ChatPipeline.over(crashing).with(tracing).build();

        Throwable thrown = catchThrowable(() -> traced.chat(ChatRequest.of("q")));

        assertFailedSpan(thrown, crash);
    }

    @Test
    void aStreamThatFailsMidwayIsAnErrorSpanThatKeepsItsTimeToFirstChunk() {
        MutableClock clock = new MutableClock();
        ModelUnavailableException failure = new ModelUnavailableException("connection reset");
        SourcedChatModel model = SourcedChatModel.named("m").thenStream(PacedSource.failing(clock,
                List.of(new ChatDelta.Text("a")), List.of(Duration.ofMillis(30)), Duration.ofMillis(5), failure));
        ChatModel traced = ChatPipeline.over(model).with(Tracing.builder(telemetry.sdk()).clock(clock).build()).build();

        Throwable thrown;
        try (ChatStream stream = traced.stream(ChatRequest.of("q"))) {
            thrown = catchThrowable(() -> stream.forEach(d -> {}));
        }

        assertFailedSpan(thrown, failure);
        assertThat(telemetry.onlySpan().getAttributes().get(doubleKey("gen_ai.response.time_to_first_chunk"))).isEqualTo(0.030);
    }

    @Test
    void aStreamThatFailsToFinishIsAnErrorSpan() {
        ModelUnavailableException failure = new ModelUnavailableException("no usage chunk");
        SourcedChatModel model = SourcedChatModel.named("m")
                .thenStream(ScriptedSource.failingInFinish(List.of(new ChatDelta.Text("a")), failure));

        Throwable thrown = catchThrowable(() -> ChatPipeline.over(model).with(tracing).build().stream(ChatRequest.of("q")).response());

        assertFailedSpan(thrown, failure);
    }

    @Test
    void aStreamRefusedBeforeItStartsIsAnErrorSpan() {
        RateLimitedException failure = new RateLimitedException("429", null);
        SourcedChatModel model = SourcedChatModel.named("m").thenRefuse(failure);

        Throwable thrown = catchThrowable(() -> ChatPipeline.over(model).with(tracing).build().stream(ChatRequest.of("q")));

        assertFailedSpan(thrown, failure);
    }

    @Test
    void onlyTheFailureIsRecordedNotTheCloseThatFollowsIt() {
        ModelUnavailableException failure = new ModelUnavailableException("reset");
        SourcedChatModel model = SourcedChatModel.named("m")
                .thenStream(ScriptedSource.failingAt(List.of(new ChatDelta.Text("a"), new ChatDelta.Text("b")), 1, failure));

        ChatStream stream = ChatPipeline.over(model).with(tracing).build().stream(ChatRequest.of("q"));
        Throwable thrown = catchThrowable(stream::response);
        stream.close();

        assertFailedSpan(thrown, failure);
        List<EventData> events = telemetry.onlySpan().getEvents();
        assertThat(events).hasSize(1);
    }
}
