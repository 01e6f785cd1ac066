package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.AuthenticationException;
import dev.weft.core.CircuitOpenException;
import dev.weft.core.ContentFilteredException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.testing.Generated;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.RecordingSleeper;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import dev.weft.core.testing.WireReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Retry}: what it retries, how long it waits, and what it counts. */
class RetryTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Retry.Builder retry() {
        return Retry.builder().sleeper(sleeper).jitter(0);
    }

    private static ChatModel over(ChatModel model, Retry retry) {
        return ChatPipeline.over(model).with(retry).build();
    }

    @Test
    void retryableFailuresAreRetriedWithExponentialBackoff() {
        ScriptedChatModel model = ScriptedChatModel.named("m")
                .thenThrow(new ModelUnavailableException("503"))
                .thenThrow(new ModelTimeoutException("slow", Duration.ofSeconds(1)))
                .thenThrow(new RateLimitedException("429", null))
                .thenAnswer("finally");
        Retry retry = retry().maxRetries(3).backoff(Duration.ofMillis(100), Duration.ofSeconds(10)).build();

        assertThat(over(model, retry).chat(ChatRequest.of("q")).text()).isEqualTo("finally");

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(retry.metrics()).isEqualTo(new RetryMetrics(1, 4, 3, 1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void backoffStopsGrowingAtTheMaximum() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        for (int i = 0; i < 6; i++) {
            model.thenThrow(new ModelUnavailableException("503"));
        }
        Retry retry = retry().maxRetries(5).backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)).multiplier(3).build();

        assertThat(catchThrowable(() -> over(model, retry).chat(ChatRequest.of("q")))).isInstanceOf(ModelUnavailableException.class);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        RetryMetrics m = retry.metrics();
        assertThat(m.attempts()).isEqualTo(6);
        assertThat(m.exhausted()).isOne();
        assertThat(m.failures()).isOne();
    }

    static Stream<Long> seeds() {
        return Generated.seeds(20).boxed();
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void jitterShortensEachWaitByAtMostItsFraction(long seed) {
        Random random = new Random(seed);
        double jitter = random.nextDouble();
        ScriptedChatModel model = ScriptedChatModel.named("m");
        for (int i = 0; i < 4; i++) {
            model.thenThrow(new ModelUnavailableException("503"));
        }
        Retry retry = Retry.builder().sleeper(sleeper).maxRetries(4).jitter(jitter).random(random)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(700)).build();

        over(model, retry).chat(ChatRequest.of("q"));

        long[] ceilings = {100, 200, 400, 700};
        List<Duration> waits = sleeper.waits();
        assertThat(waits).as("seed=%d", seed).hasSize(4);
        for (int i = 0; i < 4; i++) {
            long nanos = waits.get(i).toNanos();
            assertThat(nanos).as("seed=%d wait %d", seed, i)
                    .isBetween((long) (ceilings[i] * 1e6 * (1 - jitter)) - 1, ceilings[i] * 1_000_000L);
        }
    }

    @Test
    void retryAfterIsWaitedForWhenLongerThanTheBackoff() {
        ScriptedChatModel model = ScriptedChatModel.named("m")
                .thenThrow(new RateLimitedException("429", Duration.ofSeconds(3)))
                .thenThrow(new ModelUnavailableException("503", Duration.ofMillis(10), null))
                .thenAnswer("ok");
        Retry retry = retry().maxRetries(2).backoff(Duration.ofMillis(500), Duration.ofSeconds(10)).build();

        over(model, retry).chat(ChatRequest.of("q"));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertThat(retry.metrics().retryAfterHonoured()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheLimitIsNotWaitedFor() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(new RateLimitedException("429", Duration.ofMinutes(5)));
        Retry retry = retry().maxRetryAfter(Duration.ofSeconds(60)).build();

        assertThat(catchThrowable(() -> over(model, retry).chat(ChatRequest.of("q")))).isInstanceOf(RateLimitedException.class);

        assertThat(sleeper.waits()).isEmpty();
        assertThat(retry.metrics().abandoned()).isOne();
        assertThat(model.chatRequests()).hasSize(1);
    }

    static Stream<RuntimeException> notRetryable() {
        return Stream.of(new InvalidRequestException("400", 400, "context_length_exceeded"), new AuthenticationException("401", 401),
                new ContentFilteredException("filtered", "content_filter"), new CircuitOpenException("open", Duration.ofSeconds(3)),
                new InvalidModelResponseException("garbage", "{"), new InvalidInputException("bad"), new IllegalStateException("bug"));
    }

    @ParameterizedTest
    @MethodSource("notRetryable")
    void nonRetryableFailuresPassStraightThrough(RuntimeException failure) {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(failure);
        Retry retry = retry().maxRetries(3).build();

        assertThat(catchThrowable(() -> over(model, retry).chat(ChatRequest.of("q")))).isSameAs(failure);

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(retry.metrics()).isEqualTo(new RetryMetrics(1, 1, 0, 0, 1, 0, 0, 1, 0, 0));
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(new ModelUnavailableException("503"));
        Retry retry = Retry.builder().maxRetries(2).sleeper(d -> {
            throw new InterruptedException();
        }).build();

        try {
            assertThat(catchThrowable(() -> over(model, retry).chat(ChatRequest.of("q")))).isInstanceOf(ModelUnavailableException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(retry.metrics().abandoned()).isOne();
    }

    @Test
    void aStreamIsRetriedOnlyUntilItDeliversItsFirstDelta() {
        ChatResponse answer = ScriptedChatModel.answer("hello", ScriptedChatModel.named("m").info());
        List<ChatDelta> deltas = List.of(new ChatDelta.Text("hel"), new ChatDelta.Text("lo"));
        ScriptedChatModel model = ScriptedChatModel.named("m")
                .thenStream(ScriptedSource.failingAt(deltas, 0, new ModelUnavailableException("503 before anything")))
                .thenStream(ScriptedSource.failingInFinish(List.of(), new ModelTimeoutException("nothing came", Duration.ofSeconds(1))))
                .thenStream(new ScriptedSource(deltas, answer))
                .thenStream(ScriptedSource.failingAt(deltas, 1, new ModelUnavailableException("reset mid-stream")));
        Retry retry = retry().maxRetries(3).build();
        ChatModel pipeline = over(model, retry);

        try (ChatStream stream = pipeline.stream(ChatRequest.of("q"))) {
            List<ChatDelta> read = new ArrayList<>();
            assertThat(stream.forEachDelta(read::add).text()).isEqualTo("hello");
            assertThat(read).containsExactlyElementsOf(deltas);
        }
        try (ChatStream stream = pipeline.stream(ChatRequest.of("q"))) {
            List<ChatDelta> read = new ArrayList<>();
            assertThat(catchThrowable(() -> stream.forEachDelta(read::add))).hasMessage("reset mid-stream");
            assertThat(read).containsExactly(deltas.get(0));
        }
        assertThat(model.streamRequests()).hasSize(4);
        assertThat(retry.metrics()).isEqualTo(new RetryMetrics(2, 4, 2, 1, 1, 0, 0, 1, 0, 0));
    }

    @Test
    void aStreamClosedEarlyIsCountedAsCancelled() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenAnswer("a long answer");
        Retry retry = retry().build();

        try (ChatStream stream = over(model, retry).stream(ChatRequest.of("q"))) {
            stream.iterator().next();
        }
        try (ChatStream unread = over(model, retry).stream(ChatRequest.of("q"))) {
            assertThat(unread).isNotNull();
        }

        assertThat(retry.metrics()).isEqualTo(new RetryMetrics(1, 1, 0, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void overTheWireA429ThenA200Succeeds() {
        try (OpenAiWireServer server = OpenAiWireServer.start();
                OpenAiChatModel remote = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").model("gpt-4o-mini").build()) {
            server.enqueue(WireReply.json(429, OpenAiWire.error("Rate limit reached", "tokens", "rate_limit_exceeded"))
                            .header("Retry-After", "2"))
                    .enqueue(WireReply.json(500, OpenAiWire.error("The server had an error", "server_error", null)))
                    .respondWith(OpenAiWireServer::ok);
            Retry retry = retry().maxRetries(3).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
            ChatModel model = over(remote, retry);

            assertThat(model.chat(ChatRequest.of("q")).text()).isEqualTo("ok");
            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(200));

            // A stream whose connection drops before any delta (after one byte) is retried.
            server.enqueue(WireReply.sse("d").then(WireReply.Ending.DROP));
            try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
                assertThat(stream.response().text()).isEqualTo("ok");
            }
            assertThat(server.requestCount()).isEqualTo(5);
            RetryMetrics m = retry.metrics();
            assertThat(m.attempts()).isEqualTo(m.calls() + m.retries()).isEqualTo(5);
        }
    }

    @Test
    void builderNamesTheBadOption() {
        assertThat(catchThrowable(() -> Retry.builder().maxRetries(-1).build())).hasMessageContaining("maxRetries");
        assertThat(catchThrowable(() -> Retry.builder().jitter(1.5).build())).hasMessageContaining("jitter");
        assertThat(catchThrowable(() -> Retry.builder().multiplier(0.5).build())).hasMessageContaining("multiplier");
        assertThat(catchThrowable(() -> Retry.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build()))
                .hasMessageContaining("maxBackoff");
    }
}
