package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.ConcurrencyLimitExceededException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.GatedChatModel;
import dev.weft.core.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyLimit}: at most N calls in flight; the rest wait or are refused without reaching the model. */
class ConcurrencyLimitTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private CompletableFuture<String> callAsync(ChatModel model) {
        return CompletableFuture.supplyAsync(() -> model.chat(ChatRequest.of("q")).text(), callers);
    }

    @Test
    void callsBeyondTheLimitAreRefusedAtOnce() throws Exception {
        GatedChatModel model = new GatedChatModel("g");
        ConcurrencyLimit limit = ConcurrencyLimit.of(2);
        ChatModel limited = ChatPipeline.over(model).with(limit).build();

        CompletableFuture<String> first = callAsync(limited);
        CompletableFuture<String> second = callAsync(limited);
        model.awaitEntered(2);

        assertThat(catchThrowable(() -> limited.chat(ChatRequest.of("q")))).isInstanceOf(ConcurrencyLimitExceededException.class)
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("All 2 call slots");
        assertThat(model.calls()).isEqualTo(2);
        assertThat(limit.metrics()).isEqualTo(new ConcurrencyLimitMetrics(2, 1, 2, 2));

        model.release(2);
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(limit.metrics().inFlight()).isZero();
    }

    @Test
    void aCallMayWaitForASlotToFreeUp() throws Exception {
        GatedChatModel model = new GatedChatModel("g");
        ConcurrencyLimit limit = ConcurrencyLimit.builder().maxConcurrent(1).maxWait(Duration.ofSeconds(30)).build();
        ChatModel limited = ChatPipeline.over(model).with(limit).build();

        CompletableFuture<String> first = callAsync(limited);
        model.awaitEntered(1);
        CompletableFuture<String> waiting = callAsync(limited);
        model.release(2);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(limit.metrics()).isEqualTo(new ConcurrencyLimitMetrics(2, 0, 0, 1));
    }

    @Test
    void failuresGiveTheirSlotBack() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(new ModelUnavailableException("503"));
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        ChatModel limited = ChatPipeline.over(model).with(limit).build();

        catchThrowable(() -> limited.chat(ChatRequest.of("q")));

        assertThat(limited.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q");
        assertThat(limit.metrics().inFlight()).isZero();
    }

    @Test
    void evenAnErrorGivesTheSlotBack() {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        ChatModel limited = ChatPipeline.over(ErrorOnceModel.named("m")).with(limit).build();

        assertThat(catchThrowable(() -> limited.chat(ChatRequest.of("q")))).isInstanceOf(AssertionError.class);

        assertThat(limit.metrics().inFlight()).isZero();
        assertThat(limited.chat(ChatRequest.of("q")).text()).isEqualTo("after the error");
    }

    @Test
    void aStreamHoldsItsSlotFromFirstReadUntilItIsClosed() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenAnswer("streamed in pieces");
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        ChatModel limited = ChatPipeline.over(model).with(limit).build();

        ChatStream stream = limited.stream(ChatRequest.of("q"));
        assertThat(limit.metrics().inFlight()).as("nothing taken before the first read").isZero();
        stream.iterator().next();
        assertThat(limit.metrics().inFlight()).isOne();
        try (ChatStream second = limited.stream(ChatRequest.of("q"))) {
            assertThat(catchThrowable(second::response)).isInstanceOf(ConcurrencyLimitExceededException.class);
        }
        stream.close();

        assertThat(limit.metrics().inFlight()).isZero();
        assertThat(limited.chat(ChatRequest.of("again")).text()).isEqualTo("echo: again");
    }

    @Test
    void builderNamesTheBadOption() {
        assertThat(catchThrowable(() -> ConcurrencyLimit.builder().build())).hasMessageContaining("maxConcurrent");
        assertThat(catchThrowable(() -> ConcurrencyLimit.builder().maxConcurrent(1).maxWait(Duration.ofSeconds(-1)).build()))
                .hasMessageContaining("maxWait");
    }
}
