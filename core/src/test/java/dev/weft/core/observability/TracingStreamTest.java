package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.weft.core.WeftException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.BlockingSource;
import dev.weft.core.testing.ChatValues;
import dev.weft.core.testing.MutableClock;
import dev.weft.testing.Generated;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Tracing} on streams: the span lives from {@code stream()} until the stream completes, fails or is closed,
 * and time to first chunk, time per chunk and time per output token come out exactly on a test clock.
 */
class TracingStreamTest {
    private static final Duration MS = Duration.ofMillis(1);

    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final MutableClock clock = new MutableClock();
    private final SourcedChatModel model = SourcedChatModel.named("m");
    private final ChatModel traced = ChatPipeline.over(model).with(Tracing.builder(telemetry.sdk()).clock(clock).build()).build();

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    private ChatResponse response(long outputTokens) {
        return new ChatResponse(AssistantMessage.of("answer"), new TokenUsage(5, outputTokens), FinishReason.STOP, model.info(),
                Timings.ZERO);
    }

    private static List<ChatDelta> texts(int n) {
        List<ChatDelta> deltas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            deltas.add(new ChatDelta.Text("t" + i));
        }
        return deltas;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static Attributes base() {
        return Attributes.builder().put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "scripted")
                .put("gen_ai.request.model", "m").build();
    }

    /** A stream's pacing: the wait before each delta, the wait before the end, and the tokens it reports. */
    record Pacing(List<Duration> gaps, Duration tail, long outputTokens) {}

    static Stream<Arguments> pacings() {
        return Generated.cases(60, r -> {
            int n = r.intRange(0, 12);
            List<Duration> gaps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                gaps.add(Duration.ofNanos(r.longRange(0, 2_000_000_000L)));
            }
            return new Pacing(gaps, Duration.ofNanos(r.longRange(0, 500_000_000L)), r.intRange(0, 3) == 0 ? r.intRange(0, 1) : r.longRange(2, 4096));
        });
    }

    @ParameterizedTest
    @MethodSource("pacings")
    void timeToFirstChunkTimePerChunkAndTimePerOutputTokenFollowTheClock(Pacing p) {
        int n = p.gaps().size();
        model.thenStream(PacedSource.finishing(clock, texts(n), p.gaps(), p.tail(), response(p.outputTokens())));
        Instant start = clock.instant();

        List<ChatDelta> read = new ArrayList<>();
        try (ChatStream stream = traced.stream(ChatRequest.of("q"))) {
            stream.forEach(read::add);
            stream.response();
        }

        assertThat(read).hasSize(n);
        Duration total = p.gaps().stream().reduce(Duration.ZERO, Duration::plus).plus(p.tail());
        SpanData span = telemetry.onlySpan();
        Attributes a = span.getAttributes();
        assertThat(a.get(booleanKey("gen_ai.request.stream"))).isTrue();
        assertThat(span.getStartEpochNanos()).isEqualTo(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        assertThat(span.getEndEpochNanos() - span.getStartEpochNanos()).isEqualTo(total.toNanos());
        assertThat(telemetry.point("gen_ai.client.operation.duration", base().toBuilder().put("gen_ai.response.model", "m").build())
                .getSum()).isCloseTo(seconds(total), within(1e-9));

        List<HistogramPointData> firstChunk = telemetry.histogram("gen_ai.client.operation.time_to_first_chunk");
        List<HistogramPointData> perChunk = telemetry.histogram("gen_ai.client.operation.time_per_output_chunk");
        List<HistogramPointData> perToken = telemetry.histogram("weft.client.operation.time_per_output_token");
        if (n == 0) {
            assertThat(a.get(doubleKey("gen_ai.response.time_to_first_chunk"))).isNull();
            assertThat(firstChunk).isEmpty();
            assertThat(perChunk).isEmpty();
            assertThat(perToken).isEmpty();
            return;
        }
        double ttft = seconds(p.gaps().getFirst());
        assertThat(a.get(doubleKey("gen_ai.response.time_to_first_chunk"))).isCloseTo(ttft, within(1e-9));
        assertThat(firstChunk).singleElement().satisfies(pt -> {
            assertThat(pt.getAttributes()).isEqualTo(base());
            assertThat(pt.getCount()).isEqualTo(1);
            assertThat(pt.getSum()).isCloseTo(ttft, within(1e-9));
        });
        Duration afterFirst = p.gaps().subList(1, n).stream().reduce(Duration.ZERO, Duration::plus);
        if (n == 1) {
            assertThat(perChunk).isEmpty();
        } else {
            assertThat(perChunk).singleElement().satisfies(pt -> {
                assertThat(pt.getCount()).isEqualTo(n - 1);
                assertThat(pt.getSum()).isCloseTo(seconds(afterFirst), within(1e-6));
            });
        }
        if (p.outputTokens() < 2) {
            assertThat(a.get(doubleKey("weft.response.time_per_output_token"))).isNull();
            assertThat(perToken).isEmpty();
        } else {
            double tpot = seconds(total.minus(p.gaps().getFirst())) / (p.outputTokens() - 1);
            assertThat(a.get(doubleKey("weft.response.time_per_output_token"))).isCloseTo(tpot, within(1e-9));
            assertThat(new Timings(p.gaps().getFirst(), total).timePerOutputToken(p.outputTokens()).toNanos() / 1e9)
                    .as("the same figure as Timings gives").isCloseTo(tpot, within(1e-9));
            assertThat(perToken).singleElement().satisfies(pt -> assertThat(pt.getSum()).isCloseTo(tpot, within(1e-9)));
        }
    }

    @Test
    void closingEarlyEndsTheSpanAsCancelledWithoutAnErrorStatus() {
        model.thenStream(PacedSource.finishing(clock, texts(3), List.of(MS.multipliedBy(40), MS, MS), MS, response(3)));

        try (ChatStream stream = traced.stream(ChatRequest.of("q"))) {
            Iterator<ChatDelta> it = stream.iterator();
            it.next();
            clock.advance(MS.multipliedBy(10));
        }

        SpanData span = telemetry.onlySpan();
        assertThat(span.hasEnded()).isTrue();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo("cancelled");
        assertThat(span.getAttributes().get(doubleKey("gen_ai.response.time_to_first_chunk"))).isCloseTo(0.040, within(1e-9));
        assertThat(span.getAttributes().get(stringKey("gen_ai.response.model"))).isNull();
        assertThat(telemetry.point("gen_ai.client.operation.duration", base().toBuilder().put("error.type", "cancelled").build())
                .getSum()).isCloseTo(0.050, within(1e-9));
        assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
    }

    @Test
    void aStreamClosedUnreadEndsItsSpanToo() {
        model.thenStream(PacedSource.finishing(clock, texts(2), List.of(MS, MS), MS, response(2)));

        traced.stream(ChatRequest.of("q")).close();

        SpanData span = telemetry.onlySpan();
        assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo("cancelled");
        assertThat(span.getAttributes().get(doubleKey("gen_ai.response.time_to_first_chunk"))).isNull();
    }

    @Test
    void aCloseFromAnotherThreadWhileTheReaderWaitsEndsTheSpanOnceAsCancelled() throws Exception {
        BlockingSource source = new BlockingSource(response(2), false);
        model.thenStream(source);
        ChatStream stream = traced.stream(ChatRequest.of("q"));
        source.push(new ChatDelta.Text("first"));

        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> catchThrowable(() -> stream.forEach(d -> {})));
        source.awaitWaiting(2);
        stream.close();

        assertThat(reader.get()).isInstanceOf(WeftException.class).hasMessageContaining("closed before it ended");
        SpanData span = telemetry.onlySpan();
        assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo("cancelled");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getEvents()).as("the reader's resulting error is not recorded").isEmpty();
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement()
                .satisfies(pt -> assertThat(pt.getAttributes().get(stringKey("error.type"))).isEqualTo("cancelled"));
    }

    @Test
    void closingAFinishedStreamChangesNothing() {
        model.thenStream(PacedSource.finishing(clock, texts(2), List.of(MS, MS), MS, response(2)));

        ChatStream stream = traced.stream(ChatRequest.of("q"));
        ChatResponse r = stream.response();
        stream.close();
        stream.close();

        assertThat(r.usage().outputTokens()).isEqualTo(2);
        SpanData span = telemetry.onlySpan();
        assertThat(span.getAttributes().get(stringKey("error.type"))).isNull();
        assertThat(span.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(2L);
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement()
                .satisfies(pt -> assertThat(pt.getCount()).isEqualTo(1));
    }

    @Test
    void aStreamOfToolCallChunksCountsEveryChunk() {
        List<ChatDelta> chunks = List.of(new ChatDelta.ToolCallChunk(0, "c1", "search", ""),
                new ChatDelta.ToolCallChunk(0, null, null, "{\"q\":"), new ChatDelta.ToolCallChunk(0, null, null, "\"x\"}"));
        model.thenStream(PacedSource.finishing(clock, chunks, List.of(MS, MS.multipliedBy(2), MS.multipliedBy(3)), MS, response(9)));

        traced.stream(ChatRequest.of("q")).response();

        assertThat(telemetry.histogram("gen_ai.client.operation.time_per_output_chunk")).singleElement().satisfies(pt -> {
            assertThat(pt.getCount()).isEqualTo(2);
            assertThat(pt.getSum()).isCloseTo(0.005, within(1e-9));
        });
    }

    @Test
    void generatedDeltasPassThroughUnchanged() {
        List<ChatDelta> deltas = Generated.generate(Generated.BASE_SEED, r -> {
            List<ChatDelta> list = new ArrayList<>();
            int n = r.intRange(1, 20);
            for (int i = 0; i < n; i++) {
                list.add(ChatValues.delta(r));
            }
            return list;
        });
        model.thenStream(PacedSource.finishing(clock, deltas, deltas.stream().map(d -> MS).toList(), MS, response(4)));

        List<ChatDelta> read = new ArrayList<>();
        traced.stream(ChatRequest.of("q")).forEachDelta(read::add);

        assertThat(read).as("seed " + Generated.BASE_SEED).containsExactlyElementsOf(deltas);
    }
}
