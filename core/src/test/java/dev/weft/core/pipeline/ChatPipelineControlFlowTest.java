package dev.weft.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ChatModel;
import dev.weft.core.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What an interceptor may do with the chain: answer without proceeding, proceed twice, see and translate
 * failures from further in; and what happens when a step returns null.
 */
class ChatPipelineControlFlowTest {

    @Test
    void shortCircuitNeverCallsTheModelOrLaterInterceptors() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        List<String> reached = new CopyOnWriteArrayList<>();
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> ScriptedChatModel.answer("from cache", chain.model()))
                .with((request, chain) -> {
                    reached.add("inner");
                    return chain.proceed(request);
                })
                .build();

        assertThat(pipeline.chat(ChatRequest.of("q")).text()).isEqualTo("from cache");
        assertThat(model.chatRequests()).isEmpty();
        assertThat(reached).isEmpty();
    }

    @Test
    void proceedingTwiceRetriesThroughTheRestOfTheChain() {
        ScriptedChatModel model = ScriptedChatModel.named("m")
                .thenThrow(new RateLimitedException("slow down", Duration.ofSeconds(1)))
                .thenAnswer("second try");
        List<String> inner = new CopyOnWriteArrayList<>();
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> {
                    try {
                        return chain.proceed(request);
                    } catch (RateLimitedException e) {
                        return chain.proceed(request);
                    }
                })
                .with((request, chain) -> {
                    inner.add(request.lastUserText());
                    return chain.proceed(request);
                })
                .build();

        assertThat(pipeline.chat(ChatRequest.of("q")).text()).isEqualTo("second try");
        assertThat(model.chatRequests()).hasSize(2);
        assertThat(inner).containsExactly("q", "q");
    }

    @Test
    void modelFailuresPropagateThroughEveryInterceptor() {
        RateLimitedException failure = new RateLimitedException("429 from provider", Duration.ofSeconds(3));
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(failure);
        List<String> seen = new CopyOnWriteArrayList<>();
        ChatInterceptor observing = (request, chain) -> {
            try {
                return chain.proceed(request);
            } catch (RuntimeException e) {
                seen.add(e.getMessage());
                throw e;
            }
        };
        ChatModel pipeline = ChatPipeline.over(model).with(observing).with(observing).build();

        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of("q"))).isSameAs(failure);
        assertThat(seen).containsExactly("429 from provider", "429 from provider");
    }

    @Test
    void anInterceptorMayTranslateAFailure() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(new IllegalStateException("socket reset"));
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> {
                    try {
                        return chain.proceed(request);
                    } catch (IllegalStateException e) {
                        throw new ModelUnavailableException("model m is unavailable: " + e.getMessage(), e);
                    }
                })
                .build();

        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of("q")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model m is unavailable: socket reset")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInterceptorMayRecoverWithAFallbackAnswer() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenThrow(new ModelUnavailableException("down"));
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> {
                    try {
                        return chain.proceed(request);
                    } catch (ModelUnavailableException e) {
                        return ScriptedChatModel.answer("fallback", chain.model());
                    }
                })
                .build();
        assertThat(pipeline.chat(ChatRequest.of("q")).text()).isEqualTo("fallback");
    }

    /** A broken interceptor that answers null. */
    static final class NullReturningInterceptor implements ChatInterceptor {
        @Override
        public ChatResponse intercept(ChatRequest request, Chain chain) {
            return null;
        }
    }

    @Test
    void nullFromAnInterceptorIsAnErrorNamingIt() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ChatModel pipeline = ChatPipeline.over(model).with(new NullReturningInterceptor()).build();

        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of("q")))
                .isExactlyInstanceOf(WeftException.class)
                .hasMessageContaining(NullReturningInterceptor.class.getName())
                .hasMessageContaining("returned null");
        assertThat(model.chatRequests()).isEmpty();
    }

    @Test
    void nullFromTheModelIsAnErrorNamingIt() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenReturnNull();
        ChatModel pipeline = ChatPipeline.over(model).with((request, chain) -> chain.proceed(request)).build();

        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of("q")))
                .isExactlyInstanceOf(WeftException.class)
                .hasMessageContaining(ScriptedChatModel.class.getName())
                .hasMessageContaining("returned null");
    }

    @Test
    void proceedingWithNullIsRefused() {
        ChatModel pipeline = ChatPipeline.over(ScriptedChatModel.named("m"))
                .with((request, chain) -> chain.proceed(null))
                .build();
        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of("q")))
                .isInstanceOf(dev.weft.core.InvalidInputException.class)
                .hasMessageContaining("request must not be null");
    }
}
