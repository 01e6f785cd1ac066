package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidRequestException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.RecordingSleeper;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.WireReply;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Resilience}: the parts in their order, over the OpenAI provider and a faulty server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResilienceStackTest {
    private final MutableClock clock = new MutableClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedChatModel local = ScriptedChatModel.named("local");
    private OpenAiWireServer server;
    private OpenAiChatModel remote;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start().respondWith(OpenAiWireServer::ok);
        remote = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").model("gpt-4o-mini").build();
    }

    @AfterEach
    void stop() {
        remote.close();
        server.close();
    }

    private static WireReply unavailable() {
        return WireReply.json(500, OpenAiWire.error("The server had an error while processing your request.", "server_error", null));
    }

    private Resilience.Builder stack() {
        return Resilience.builder()
                .retry(Retry.builder().maxRetries(5).jitter(0).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).sleeper(sleeper).build())
                .circuitBreaker(CircuitBreaker.builder().failureThreshold(2).openDuration(Duration.ofSeconds(30)).clock(clock).build())
                .concurrencyLimit(4);
    }

    @Test
    void aRateLimitIsWaitedOutAndTheRetrySucceeds() {
        server.enqueue(WireReply.json(429, OpenAiWire.error("Rate limit reached", "tokens", "rate_limit_exceeded"))
                .header("Retry-After", "1"));
        Resilience resilience = stack().build();

        ChatResponse r = ChatPipeline.over(remote).with(resilience).build().chat(ChatRequest.of("q"));

        assertThat(r.text()).isEqualTo("ok");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        CircuitBreakerMetrics breaker = resilience.circuitBreaker().orElseThrow().metrics();
        assertThat(breaker.ignored()).as("a 429 says nothing about the model's health").isOne();
        assertThat(breaker.successes()).isOne();
        assertThat(resilience.concurrencyLimit().orElseThrow().metrics().acquired()).isEqualTo(2);
    }

    @Test
    void anOpeningCircuitStopsTheRetriesAndTheFallbackAnswers() {
        server.respondWith(r -> unavailable());
        Resilience resilience = stack().fallbackTo(local).build();

        ChatResponse r = ChatPipeline.over(remote).with(resilience).build().chat(ChatRequest.of("q"));

        assertThat(r.model()).isEqualTo(local.info());
        assertThat(server.requestCount()).as("two failures open the circuit; the third attempt is refused").isEqualTo(2);
        RetryMetrics retry = resilience.retry().orElseThrow().metrics();
        assertThat(retry.attempts()).isEqualTo(3);
        assertThat(retry.notRetryable()).as("an open circuit is not retried").isOne();
        assertThat(resilience.fallback().orElseThrow().metrics().fallbackSuccesses()).isOne();
    }

    @Test
    void streamsGetTheSameTreatment() {
        server.enqueue(WireReply.json(503, OpenAiWire.error("overloaded", "server_error", null)).header("Retry-After", "2"));
        Resilience resilience = stack().build();

        try (ChatStream stream = ChatPipeline.over(remote).with(resilience).build().stream(ChatRequest.of("q"))) {
            assertThat(stream.response().text()).isEqualTo("ok");
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(resilience.retry().orElseThrow().metrics().successes()).isOne();
        assertThat(resilience.concurrencyLimit().orElseThrow().metrics().inFlight()).isZero();
    }

    @Test
    void anOverallDeadlineBoundsTheAttemptsAndTheFallbackAnswers() {
        server.respondWith(r -> WireReply.json("{}").stallingBeforeHeaders());
        Resilience resilience = Resilience.builder().timeout(Duration.ofMillis(300)).retries(2).fallbackTo(local).build();

        ChatResponse r = ChatPipeline.over(remote).with(resilience).build().chat(ChatRequest.of("q"));

        assertThat(r.model()).isEqualTo(local.info());
        assertThat(resilience.timeout().orElseThrow().metrics().timeouts()).isOne();
    }

    @Test
    void aBadRequestGoesStraightToTheCaller() {
        server.respondWith(r -> WireReply.json(400, OpenAiWire.error("Invalid 'messages'", "invalid_request_error", null)));
        Resilience resilience = stack().fallbackTo(local).build();
        ChatModel model = ChatPipeline.over(remote).with(resilience).build();

        assertThat(catchThrowable(() -> model.chat(ChatRequest.of("q")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid 'messages'");
        assertThat(server.requestCount()).isOne();
        assertThat(local.chatRequests()).isEmpty();
    }

    @Test
    void theShortcutBuildsARetry() {
        Resilience resilience = Resilience.retries(3).build();

        assertThat(resilience.retry()).isPresent();
        assertThat(resilience.circuitBreaker()).isEmpty();
    }
}
