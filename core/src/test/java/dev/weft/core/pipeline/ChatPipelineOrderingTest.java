package dev.weft.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.model.ChatModel;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The first interceptor added is the outermost: requests pass outer to inner, responses inner to outer, and
 * each step sees what the step before it made of the request or response.
 */
class ChatPipelineOrderingTest {
    private final List<String> trace = new CopyOnWriteArrayList<>();

    /** Tags the request's user text on the way in and the response's text on the way out. */
    private ChatInterceptor tagging(String name) {
        return (request, chain) -> {
            trace.add(name + " in: " + request.lastUserText());
            ChatRequest tagged = request.toBuilder().user(request.lastUserText() + " " + name).build();
            ChatResponse response = chain.proceed(tagged);
            trace.add(name + " out: " + response.text());
            return ScriptedChatModel.answer(response.text() + " <" + name, response.model());
        };
    }

    @Test
    void firstAddedIsOutermost() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ChatModel pipeline = ChatPipeline.over(model).with(tagging("a")).with(tagging("b")).with(tagging("c")).build();

        ChatResponse response = pipeline.chat(ChatRequest.of("q"));

        assertThat(trace).containsExactly(
                "a in: q", "b in: q a", "c in: q a b",
                "c out: echo: q a b c", "b out: echo: q a b c <c", "a out: echo: q a b c <c <b");
        assertThat(response.text()).isEqualTo("echo: q a b c <c <b <a");
        assertThat(model.chatRequests()).singleElement()
                .extracting(ChatRequest::lastUserText).isEqualTo("q a b c");
    }

    @Test
    void anInterceptorMayRewriteTheRequest() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        RequestContext ctx = RequestContext.builder().userId("u-1").tenantId("acme").build();
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> chain.proceed(request.withContext(ctx)))
                .with((request, chain) -> chain.proceed(request.toBuilder().system("be brief").build()))
                .build();

        pipeline.chat(ChatRequest.of("hello"));

        ChatRequest seen = model.chatRequests().get(0);
        assertThat(seen.context()).isEqualTo(ctx);
        assertThat(seen.messages()).containsExactly(new UserMessage("hello"), Message.system("be brief"));
    }

    @Test
    void withoutInterceptorsTheModelAnswersDirectly() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenAnswer("direct");
        ChatModel pipeline = ChatPipeline.over(model).build();
        assertThat(pipeline.chat(ChatRequest.of("q")).text()).isEqualTo("direct");
        assertThat(model.chatRequests()).containsExactly(ChatRequest.of("q"));
    }

    @Test
    void theBuilderCanBuildAgainAfterMoreInterceptors() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ChatPipeline.Builder builder = ChatPipeline.over(model).with(tagging("a"));
        ChatModel first = builder.build();
        ChatModel second = builder.with(tagging("b")).build();

        assertThat(first.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q a <a");
        assertThat(second.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q a b <b <a");
    }

    @Test
    void chainModelIsTheWrappedModelsInfo() {
        ScriptedChatModel model = ScriptedChatModel.named("the-model");
        List<String> seen = new CopyOnWriteArrayList<>();
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> {
                    seen.add(chain.model().id());
                    return chain.proceed(request);
                })
                .build();
        pipeline.chat(ChatRequest.of("q"));
        assertThat(seen).containsExactly("the-model");
    }
}
