package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.CircuitOpenException;
import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.GatedChatModel;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link CircuitBreaker}: closed, open, half-open and back, per model, driven by a clock the test moves. */
class CircuitBreakerTest {
    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = CircuitBreaker.builder().failureThreshold(3).openDuration(Duration.ofSeconds(30))
            .clock(clock).build();

    private static void fail(ScriptedChatModel model, int times) {
        for (int i = 0; i < times; i++) {
            model.thenThrow(new ModelUnavailableException("503 #" + i));
        }
    }

    private static void call(ChatModel model, int times) {
        for (int i = 0; i < times; i++) {
            catchThrowable(() -> model.chat(ChatRequest.of("q")));
        }
    }

    @Test
    void consecutiveFailuresOpenTheCircuitAndCallsAreRefusedWithoutReachingTheModel() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        fail(model, 3);
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();

        call(guarded, 3);
        clock.advance(Duration.ofSeconds(10));
        Throwable refused = catchThrowable(() -> guarded.chat(ChatRequest.of("q")));

        assertThat(refused).isInstanceOf(CircuitOpenException.class).hasMessageContaining("scripted:m");
        assertThat(((CircuitOpenException) refused).retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(model.chatRequests()).hasSize(3);
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.metrics()).isEqualTo(new CircuitBreakerMetrics(3, 1, 0, 3, 0, 0, 1, 0, 0));
    }

    @Test
    void aSuccessResetsTheCount() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        fail(model, 2);
        model.thenAnswer("ok");
        fail(model, 2);
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();

        call(guarded, 5);

        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheOpenDurationOneTrialPassesAndItsSuccessClosesTheCircuit() throws Exception {
        GatedChatModel model = new GatedChatModel("g");
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();
        // Open the circuit of "gated:g" through a scripted twin with the same identity.
        ScriptedChatModel twin = new ScriptedChatModel(model.info());
        fail(twin, 3);
        call(ChatPipeline.over(twin).with(breaker).build(), 3);
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.OPEN);

        clock.advance(Duration.ofSeconds(30));
        CompletableFuture<String> trial = CompletableFuture.supplyAsync(() -> guarded.chat(ChatRequest.of("q")).text());
        model.awaitEntered(1);
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(catchThrowable(() -> guarded.chat(ChatRequest.of("q")))).as("only one trial at a time")
                .isInstanceOf(CircuitOpenException.class).hasMessageContaining("half-open");

        model.release(1);
        assertThat(trial.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.metrics()).isEqualTo(new CircuitBreakerMetrics(4, 1, 1, 3, 0, 0, 1, 1, 1));
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        fail(model, 4);
        model.thenAnswer("recovered");
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();

        call(guarded, 3);
        clock.advance(Duration.ofSeconds(30));
        call(guarded, 1); // the trial fails
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(catchThrowable(() -> guarded.chat(ChatRequest.of("q")))).isInstanceOf(CircuitOpenException.class);

        clock.advance(Duration.ofSeconds(30));
        assertThat(guarded.chat(ChatRequest.of("q")).text()).isEqualTo("recovered");
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.CLOSED);
        CircuitBreakerMetrics m = breaker.metrics();
        assertThat(m.opened()).isEqualTo(2);
        assertThat(m.halfOpened()).isEqualTo(2);
        assertThat(m.closed()).isEqualTo(1);
        assertThat(m.permitted()).isEqualTo(m.successes() + m.failures() + m.ignored() + m.cancelled()).isEqualTo(5);
    }

    @Test
    void failuresThatSayNothingAboutTheModelAreIgnored() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        for (int i = 0; i < 5; i++) {
            model.thenThrow(i % 2 == 0 ? new InvalidRequestException("400", 400, "") : new RateLimitedException("429", null));
        }
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();

        call(guarded, 5);

        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.metrics().ignored()).isEqualTo(5);
    }

    @Test
    void eachModelHasItsOwnCircuit() {
        ScriptedChatModel a = ScriptedChatModel.named("a");
        ScriptedChatModel b = ScriptedChatModel.named("b");
        fail(a, 3);
        ChatModel guardedA = ChatPipeline.over(a).with(breaker).build();
        ChatModel guardedB = ChatPipeline.over(b).with(breaker).build();

        call(guardedA, 3);

        assertThat(breaker.state(a.info())).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.state(b.info())).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(guardedB.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q");
    }

    @Test
    void streamsTakeTheirPermitWhenReadAndReportWhenTheyEnd() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        List<ChatDelta> deltas = List.of(new ChatDelta.Text("x"));
        for (int i = 0; i < 3; i++) {
            model.thenStream(ScriptedSource.failingAt(deltas, 1, new ModelUnavailableException("reset")));
        }
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();

        ChatStream unread = guarded.stream(ChatRequest.of("q"));
        unread.close();
        assertThat(breaker.metrics().permitted()).isZero();

        for (int i = 0; i < 3; i++) {
            try (ChatStream s = guarded.stream(ChatRequest.of("q"))) {
                catchThrowable(s::response);
            }
        }
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.OPEN);
        try (ChatStream refused = guarded.stream(ChatRequest.of("q"))) {
            assertThat(catchThrowable(refused::response)).isInstanceOf(CircuitOpenException.class);
        }
    }

    @Test
    void aCancelledTrialStreamFreesTheTrialSlot() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        fail(model, 3);
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();
        call(guarded, 3);
        clock.advance(Duration.ofSeconds(31));

        try (ChatStream trial = guarded.stream(ChatRequest.of("q"))) {
            trial.iterator().next(); // takes the trial slot, then is closed before it ends
        }
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.HALF_OPEN);

        assertThat(guarded.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q");
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.metrics().cancelled()).isOne();
    }

    @Test
    void anErrorInAHalfOpenTrialFreesTheTrialSlot() {
        ErrorOnceModel model = ErrorOnceModel.named("e");
        ScriptedChatModel twin = new ScriptedChatModel(model.info());
        fail(twin, 3);
        call(ChatPipeline.over(twin).with(breaker).build(), 3);
        clock.advance(Duration.ofSeconds(30));
        ChatModel guarded = ChatPipeline.over(model).with(breaker).build();

        assertThat(catchThrowable(() -> guarded.chat(ChatRequest.of("q")))).isInstanceOf(AssertionError.class);

        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(guarded.chat(ChatRequest.of("q")).text()).isEqualTo("after the error");
        assertThat(breaker.state(model.info())).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void builderNamesTheBadOption() {
        assertThat(catchThrowable(() -> CircuitBreaker.builder().failureThreshold(0).build())).hasMessageContaining("failureThreshold");
        assertThat(catchThrowable(() -> CircuitBreaker.builder().openDuration(Duration.ZERO).build())).hasMessageContaining("openDuration");
        assertThat(catchThrowable(() -> CircuitBreaker.builder().halfOpenTrials(0).build())).hasMessageContaining("halfOpenTrials");
    }
}
