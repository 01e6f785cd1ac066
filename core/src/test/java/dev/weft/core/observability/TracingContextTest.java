package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.resilience.Fallback;
import dev.weft.core.resilience.Timeout;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Tracing}'s span is current while the rest of the chain runs, for {@code chat} and for the lazy work of
 * a stream, so nested model calls become its children; and it is itself a child of whatever was current.
 */
class TracingContextTest {
    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final Tracing tracing = Tracing.openTelemetry(telemetry.sdk());

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    private SpanData span(String name) {
        return telemetry.spans().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among " + telemetry.spans()));
    }

    @Test
    void aFallbackModelsOwnTracedCallIsAChildOfTheOuterSpan() {
        ScriptedChatModel primary = ScriptedChatModel.named("primary").thenThrow(new ModelUnavailableException("down"));
        ChatModel local = ChatPipeline.over(ScriptedChatModel.named("local")).with(tracing).build();
        ChatModel model = ChatPipeline.over(primary).with(tracing).with(Fallback.to(local)).build();

        model.chat(ChatRequest.of("q"));

        SpanData outer = span("chat primary");
        SpanData inner = span("chat local");
        assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId());
        assertThat(inner.getParentSpanId()).isEqualTo(outer.getSpanId());
        assertThat(outer.getAttributes().get(stringKey("gen_ai.response.model"))).isEqualTo("local");
    }

    @Test
    void aCallThatTimeoutRunsOnItsWorkerThreadIsStillAChild() {
        AtomicReference<SpanContext> onWorker = new AtomicReference<>();
        ChatModel model = ChatPipeline.over(ScriptedChatModel.named("m"))
                .with(tracing)
                .with(Timeout.of(Duration.ofMinutes(1)))
                .with((request, chain) -> {
                    onWorker.set(Span.current().getSpanContext());
                    return chain.proceed(request);
                })
                .build();

        model.chat(ChatRequest.of("q"));

        assertThat(onWorker.get().getSpanId()).isEqualTo(span("chat m").getSpanId());
    }

    @Test
    void aStreamedFallbackStartedOnTheFirstReadIsAChildToo() {
        ScriptedChatModel primary = ScriptedChatModel.named("primary")
                .thenStream(ScriptedSource.failingAt(List.of(), 0, new ModelUnavailableException("down")));
        ChatModel local = ChatPipeline.over(ScriptedChatModel.named("local")).with(tracing).build();
        ChatModel model = ChatPipeline.over(primary).with(tracing).with(Fallback.to(local)).build();

        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            assertThat(stream.response().text()).isEqualTo("echo: q");
        }

        assertThat(span("chat local").getParentSpanId()).isEqualTo(span("chat primary").getSpanId());
    }

    @Test
    void innerInterceptorsSeeTheSpanAsCurrentForChatAndForLazyStreamWork() {
        AtomicReference<SpanContext> duringChat = new AtomicReference<>();
        AtomicReference<SpanContext> duringRead = new AtomicReference<>();
        ChatModel model = ChatPipeline.over(ScriptedChatModel.named("m"))
                .with(tracing)
                .with((request, chain) -> {
                    duringChat.set(Span.current().getSpanContext());
                    return chain.proceed(request);
                })
                .withStream((request, chain) -> ChatStream.deferred(() -> {
                    duringRead.set(Span.current().getSpanContext());
                    return chain.proceed(request).response();
                }))
                .build();

        model.chat(ChatRequest.of("a"));
        ChatStream stream = model.stream(ChatRequest.of("b"));
        assertThat(Span.current().getSpanContext().isValid()).as("nothing leaks onto the caller's thread").isFalse();
        stream.response();

        List<SpanData> spans = telemetry.spans();
        assertThat(spans).hasSize(2);
        assertThat(duringChat.get().getSpanId()).isEqualTo(spans.get(0).getSpanId());
        assertThat(duringRead.get().getSpanId()).isEqualTo(spans.get(1).getSpanId());
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void theCallsSpanIsAChildOfTheCallersCurrentSpan() {
        ChatModel model = ChatPipeline.over(ScriptedChatModel.named("m")).with(tracing).build();
        Span request = telemetry.sdk().getTracer("app").spanBuilder("POST /ask").startSpan();

        try (Scope ignored = request.makeCurrent()) {
            model.chat(ChatRequest.of("q"));
            model.stream(ChatRequest.of("q")).response();
        } finally {
            request.end();
        }

        List<SpanData> calls = telemetry.spans().stream().filter(s -> s.getName().equals("chat m")).toList();
        assertThat(calls).hasSize(2).allSatisfy(s -> {
            assertThat(s.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
            assertThat(s.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        });
    }
}
