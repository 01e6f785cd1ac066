package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.resilience.FallbackMetrics;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FallbackChain}: models tried in order on the failures resilience's {@code Fallback} falls back for. */
class FallbackChainTest {
    private final ScriptedChatModel a = ScriptedChatModel.named("a");
    private final ScriptedChatModel b = ScriptedChatModel.named("b");
    private final ScriptedChatModel c = ScriptedChatModel.named("c");

    @Test
    void theFirstModelAnswersWhenItCan() {
        FallbackChain chain = FallbackChain.of(a, b, c);

        assertThat(chain.chat(ChatRequest.of("q")).model()).isEqualTo(a.info());
        assertThat(b.chatRequests()).isEmpty();
        assertThat(chain.info()).isEqualTo(a.info());
    }

    @Test
    void eachFailureMovesTheCallToTheNextModel() {
        a.thenThrow(new ModelUnavailableException("a down"));
        b.thenThrow(new RateLimitedException("b limited", Duration.ofSeconds(1)));
        FallbackChain chain = FallbackChain.of(a, b, c);

        ChatResponse r = chain.chat(ChatRequest.of("q"));

        assertThat(r.model()).isEqualTo(c.info());
        // link 0 hands a's call to the rest of the chain, which answers; link 1 hands b's call to c, which answers
        assertThat(chain.metrics()).containsExactly(
                new FallbackMetrics(1, 0, 0, 1, 1, 0, 0),
                new FallbackMetrics(1, 0, 0, 1, 1, 0, 0));
    }

    @Test
    void whenEveryModelFailsTheLastFailureIsThrownWithTheEarlierOnesSuppressed() {
        ModelUnavailableException fa = new ModelUnavailableException("a down");
        ModelTimeoutException fb = new ModelTimeoutException("b slow", Duration.ofSeconds(1));
        ModelUnavailableException fc = new ModelUnavailableException("c down");
        a.thenThrow(fa);
        b.thenThrow(fb);
        c.thenThrow(fc);

        Throwable thrown = catchThrowable(() -> FallbackChain.of(a, b, c).chat(ChatRequest.of("q")));

        assertThat(thrown).isSameAs(fc);
        assertThat(thrown.getSuppressed()).containsExactly(fb, fa);
    }

    @Test
    void aFailureThatWouldFailAnywhereIsPassedOnAtOnce() {
        a.thenThrow(new InvalidRequestException("bad request", 400, ""));

        assertThatThrownBy(() -> FallbackChain.of(a, b, c).chat(ChatRequest.of("q"))).isInstanceOf(InvalidRequestException.class);
        assertThat(b.chatRequests()).isEmpty();
        assertThat(c.chatRequests()).isEmpty();
    }

    @Test
    void theFailuresToFallBackForCanBeChosen() {
        a.thenThrow(new InvalidRequestException("context too long for a", 400, ""));
        FallbackChain chain = FallbackChain.builder(a).then(b).when(e -> e instanceof InvalidRequestException).build();

        assertThat(chain.chat(ChatRequest.of("q")).model()).isEqualTo(b.info());
    }

    @Test
    void aStreamMovesOnWhileItHasDeliveredNothing() {
        List<ChatDelta> deltas = List.of(new ChatDelta.Text("x"));
        a.thenStream(ScriptedSource.failingAt(deltas, 0, new ModelUnavailableException("a down")));
        b.thenStream(ScriptedSource.failingAt(deltas, 0, new ModelUnavailableException("b down")));

        try (ChatStream stream = FallbackChain.of(a, b, c).stream(ChatRequest.of("q"))) {
            ChatResponse r = stream.response();
            assertThat(r.model()).isEqualTo(c.info());
            assertThat(r.text()).isEqualTo("echo: q");
        }
    }

    @Test
    void buildNeedsTwoModelsAndNoNulls() {
        assertThatThrownBy(() -> FallbackChain.builder(a).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least two models, has 1");
        assertThatThrownBy(() -> FallbackChain.of(a, b, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model 2 of the chain");
        assertThatThrownBy(() -> FallbackChain.builder(a).then(b).when(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("when");
    }

    @Test
    void closingTheChainClosesEachModelOnce() {
        FallbackChain chain = FallbackChain.of(a, b, a);

        chain.close();

        assertThat(a.closeCount()).isEqualTo(1);
        assertThat(b.closeCount()).isEqualTo(1);
        assertThat(chain.models()).containsExactly(a, b, a);
    }
}
