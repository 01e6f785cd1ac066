package dev.weft.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.testing.ScriptedChatModel;
import org.junit.jupiter.api.Test;

/** A pipeline is still the model it wraps: {@code info()} and {@code close()} delegate; the builder refuses nulls. */
class ChatPipelineDelegationTest {

    @Test
    void infoDelegatesToTheWrappedModel() {
        ScriptedChatModel model = ScriptedChatModel.named("wrapped");
        ChatModel pipeline = ChatPipeline.over(model).with((request, chain) -> chain.proceed(request)).build();
        assertThat(pipeline.info()).isSameAs(model.info());
    }

    @Test
    void closeClosesTheWrappedModel() {
        ScriptedChatModel model = ScriptedChatModel.named("wrapped");
        ChatModel pipeline = ChatPipeline.over(model).with((request, chain) -> chain.proceed(request)).build();
        pipeline.close();
        assertThat(model.closeCount()).isEqualTo(1);
    }

    @Test
    void lambdasAreAcceptedForBothKinds() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> chain.proceed(request))
                .withStream((request, chain) -> chain.proceed(request))
                .build();
        assertThat(pipeline.chat(ChatRequest.of("a")).text()).isEqualTo("echo: a");
        try (var stream = pipeline.stream(ChatRequest.of("b"))) {
            assertThat(stream.response().text()).isEqualTo("echo: b");
        }
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> ChatPipeline.over(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model must not be null");
        ChatPipeline.Builder builder = ChatPipeline.over(ScriptedChatModel.named("m"));
        assertThatThrownBy(() -> builder.with((ChatInterceptor) null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("interceptor must not be null");
        assertThatThrownBy(() -> builder.withStream(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("interceptor must not be null");
    }
}
