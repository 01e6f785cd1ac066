package dev.weft.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.StreamObserver;
import dev.weft.core.model.ChatModel;
import dev.weft.core.testing.RecordingStreamObserver;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Stream calls pass through {@link StreamInterceptor}s only, chat calls through {@link ChatInterceptor}s only,
 * and one object that is both sees both. A stream interceptor may observe the stream or replace it.
 */
class ChatPipelineStreamTest {

    /** A test interceptor of both kinds that records which calls it saw. */
    static final class BothKinds implements ChatInterceptor, StreamInterceptor {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
            calls.add("chat " + request.lastUserText());
            return chain.proceed(request);
        }

        @Override
        public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
            calls.add("stream " + request.lastUserText());
            return chain.proceed(request);
        }
    }

    private static List<String> texts(ChatStream stream) {
        List<String> out = new ArrayList<>();
        for (ChatDelta d : stream) {
            out.add(((ChatDelta.Text) d).text());
        }
        return out;
    }

    @Test
    void anInterceptorOfBothKindsRegisteredOnceSeesBothKindsOfCall() {
        BothKinds both = new BothKinds();
        ChatModel pipeline = ChatPipeline.over(ScriptedChatModel.named("m")).with(both).build();

        pipeline.chat(ChatRequest.of("one"));
        try (ChatStream s = pipeline.stream(ChatRequest.of("two"))) {
            s.response();
        }

        assertThat(both.calls).containsExactly("chat one", "stream two");
    }

    @Test
    void registeringThroughTheInterceptorTypeAlsoCountsOnce() {
        BothKinds both = new BothKinds();
        ChatModel pipeline = ChatPipeline.over(ScriptedChatModel.named("m")).with((Interceptor) both).build();
        pipeline.chat(ChatRequest.of("one"));
        pipeline.stream(ChatRequest.of("two")).response();
        assertThat(both.calls).containsExactly("chat one", "stream two");
    }

    @Test
    void chatOnlyInterceptorsAreSkippedByStreamsAndViceVersa() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        List<String> calls = new CopyOnWriteArrayList<>();
        ChatModel pipeline = ChatPipeline.over(model)
                .with((request, chain) -> {
                    calls.add("chat-only");
                    return chain.proceed(request);
                })
                .withStream((request, chain) -> {
                    calls.add("stream-only");
                    return chain.proceed(request);
                })
                .build();

        pipeline.chat(ChatRequest.of("a"));
        assertThat(calls).containsExactly("chat-only");
        calls.clear();
        try (ChatStream s = pipeline.stream(ChatRequest.of("b"))) {
            assertThat(s.response().text()).isEqualTo("echo: b");
        }
        assertThat(calls).containsExactly("stream-only");
        assertThat(model.streamRequests()).containsExactly(ChatRequest.of("b"));
    }

    @Test
    void streamInterceptorsNestInOrderAndMayRewriteTheRequest() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        List<String> calls = new CopyOnWriteArrayList<>();
        ChatModel pipeline = ChatPipeline.over(model)
                .withStream((request, chain) -> {
                    calls.add("outer");
                    return chain.proceed(request.toBuilder().user("rewritten").build());
                })
                .withStream((request, chain) -> {
                    calls.add("inner sees " + request.lastUserText());
                    return chain.proceed(request);
                })
                .build();
        try (ChatStream s = pipeline.stream(ChatRequest.of("original"))) {
            assertThat(s.response().text()).isEqualTo("echo: rewritten");
        }
        assertThat(calls).containsExactly("outer", "inner sees rewritten");
    }

    @Test
    void anObservingInterceptorSeesEveryDeltaAndTheEnd() {
        ChatResponse done = ScriptedChatModel.answer("Hello", ScriptedChatModel.named("m").info());
        ScriptedSource source = new ScriptedSource(List.of(new ChatDelta.Text("Hel"), new ChatDelta.Text("lo")), done);
        ScriptedChatModel model = ScriptedChatModel.named("m").thenStream(source);
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ChatModel pipeline = ChatPipeline.over(model)
                .withStream((request, chain) -> ChatStream.observe(chain.proceed(request), observer))
                .build();

        try (ChatStream s = pipeline.stream(ChatRequest.of("q"))) {
            assertThat(texts(s)).containsExactly("Hel", "lo");
            assertThat(s.response()).isEqualTo(done);
        }
        assertThat(observer.events()).containsExactly("first", "delta:Hel", "delta:lo", "complete:Hello");
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    /** A cache-style stream interceptor: replays a stored answer, or streams from the model and stores its answer. */
    static final class CachingStreamInterceptor implements StreamInterceptor {
        final Map<String, ChatResponse> cache = new ConcurrentHashMap<>();

        @Override
        public ChatStream interceptStream(ChatRequest request, Chain chain) {
            String key = request.lastUserText();
            ChatResponse hit = cache.get(key);
            if (hit != null) {
                return ChatStream.of(hit);
            }
            return ChatStream.observe(chain.proceed(request), new StreamObserver() {
                @Override
                public void onComplete(ChatResponse response) {
                    cache.put(key, response);
                }
            });
        }
    }

    @Test
    void aReplacingInterceptorAnswersWithoutTheModel() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenAnswer("fresh answer");
        CachingStreamInterceptor cache = new CachingStreamInterceptor();
        ChatModel pipeline = ChatPipeline.over(model).withStream(cache).build();

        List<String> first;
        try (ChatStream s = pipeline.stream(ChatRequest.of("q"))) {
            first = texts(s);
            assertThat(s.response().text()).isEqualTo("fresh answer");
        }
        assertThat(String.join("", first)).isEqualTo("fresh answer");
        assertThat(model.streamRequests()).hasSize(1);

        try (ChatStream s = pipeline.stream(ChatRequest.of("q"))) {
            assertThat(texts(s)).containsExactly("fresh answer");
            assertThat(s.response().text()).isEqualTo("fresh answer");
        }
        assertThat(model.streamRequests()).as("second call served from the cache").hasSize(1);
    }

    @Test
    void anAbandonedStreamIsNotCached() {
        ScriptedChatModel model = ScriptedChatModel.named("m").thenAnswer("long answer");
        CachingStreamInterceptor cache = new CachingStreamInterceptor();
        ChatModel pipeline = ChatPipeline.over(model).withStream(cache).build();

        try (ChatStream s = pipeline.stream(ChatRequest.of("q"))) {
            s.iterator().next();
        }
        assertThat(cache.cache).isEmpty();
    }

    @Test
    void defaultStreamOfAModelThatCannotStreamCallsChatLazily() {
        List<ChatRequest> calls = new CopyOnWriteArrayList<>();
        ChatModel plain = new ChatModel() {
            @Override
            public dev.weft.core.model.ModelInfo info() {
                return ScriptedChatModel.named("plain").info();
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                calls.add(request);
                return ScriptedChatModel.answer("whole", info());
            }
        };
        ChatModel pipeline = ChatPipeline.over(plain).withStream((request, chain) -> chain.proceed(request)).build();
        ChatStream s = pipeline.stream(ChatRequest.of("q"));
        assertThat(calls).as("nothing sent before the stream is read").isEmpty();
        assertThat(texts(s)).containsExactly("whole");
        assertThat(calls).hasSize(1);
        s.close();
    }
}
