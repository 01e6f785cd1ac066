package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.AuthenticationException;
import dev.weft.core.CircuitOpenException;
import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.QuotaExceededException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import dev.weft.core.testing.WireReply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Fallback}: another model answers when the primary fails for reasons of its own. */
class FallbackTest {
    private final ScriptedChatModel local = ScriptedChatModel.named("local");

    @Test
    void aPrimaryThatIsUnavailableOverTheWireIsReplacedAndTheAnswerNamesTheFallback() {
        try (OpenAiWireServer server = OpenAiWireServer.start();
                OpenAiChatModel remote = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").model("gpt-4o-mini").build()) {
            server.enqueue(WireReply.json(503, OpenAiWire.error("The engine is currently overloaded", "server_error", null)));
            Fallback fallback = Fallback.to(local);

            ChatResponse r = ChatPipeline.over(remote).with(fallback).build().chat(ChatRequest.of("q"));

            assertThat(r.text()).isEqualTo("echo: q");
            assertThat(r.model()).isEqualTo(local.info());
            assertThat(fallback.metrics()).isEqualTo(new FallbackMetrics(1, 0, 0, 1, 1, 0, 0));
        }
    }

    @Test
    void failuresThatWouldFailAnywhereArePassedOn() {
        ScriptedChatModel primary = ScriptedChatModel.named("p")
                .thenThrow(new InvalidRequestException("400", 400, ""))
                .thenThrow(new AuthenticationException("401", 401));
        Fallback fallback = Fallback.to(local);
        ChatModel model = ChatPipeline.over(primary).with(fallback).build();

        assertThat(catchThrowable(() -> model.chat(ChatRequest.of("q")))).isInstanceOf(InvalidRequestException.class);
        assertThat(catchThrowable(() -> model.chat(ChatRequest.of("q")))).isInstanceOf(AuthenticationException.class);
        assertThat(local.chatRequests()).isEmpty();
        assertThat(fallback.metrics().passedOn()).isEqualTo(2);
    }

    @Test
    void anOpenCircuitOrExhaustedQuotaFallsBack() {
        ScriptedChatModel primary = ScriptedChatModel.named("p")
                .thenThrow(new CircuitOpenException("open", Duration.ofSeconds(5)))
                .thenThrow(new QuotaExceededException("quota"));
        ChatModel model = ChatPipeline.over(primary).with(Fallback.to(local)).build();

        assertThat(model.chat(ChatRequest.of("a")).text()).isEqualTo("echo: a");
        assertThat(model.chat(ChatRequest.of("b")).text()).isEqualTo("echo: b");
    }

    @Test
    void whenTheFallbackFailsToo_itsFailureCarriesThePrimarys() {
        ModelUnavailableException primaryFailure = new ModelUnavailableException("primary down");
        ModelUnavailableException fallbackFailure = new ModelUnavailableException("fallback down");
        ScriptedChatModel primary = ScriptedChatModel.named("p").thenThrow(primaryFailure);
        local.thenThrow(fallbackFailure);
        Fallback fallback = Fallback.to(local);

        Throwable thrown = catchThrowable(() -> ChatPipeline.over(primary).with(fallback).build().chat(ChatRequest.of("q")));

        assertThat(thrown).isSameAs(fallbackFailure);
        assertThat(thrown.getSuppressed()).containsExactly(primaryFailure);
        assertThat(fallback.metrics().fallbackFailures()).isOne();
    }

    @Test
    void aStreamFallsBackOnlyBeforeItsFirstDelta() {
        List<ChatDelta> deltas = List.of(new ChatDelta.Text("pri"), new ChatDelta.Text("mary"));
        ScriptedChatModel primary = ScriptedChatModel.named("p")
                .thenStream(ScriptedSource.failingAt(deltas, 0, new ModelUnavailableException("down")))
                .thenStream(ScriptedSource.failingAt(deltas, 1, new ModelUnavailableException("reset mid-stream")));
        Fallback fallback = Fallback.to(local);
        ChatModel model = ChatPipeline.over(primary).with(fallback).build();

        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            ChatResponse r = stream.response();
            assertThat(r.text()).isEqualTo("echo: q");
            assertThat(r.model()).isEqualTo(local.info());
        }
        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            assertThat(catchThrowable(stream::response)).hasMessage("reset mid-stream");
        }
        assertThat(fallback.metrics()).isEqualTo(new FallbackMetrics(2, 0, 1, 1, 1, 0, 0));
    }
}
