package dev.weft.core.resilience;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.util.List;

/** Runs a fixed list of interceptors, outermost first, in front of the rest of an enclosing chain. Immutable. */
final class InterceptorStack {
    private final List<ChatInterceptor> chat;
    private final List<StreamInterceptor> stream;

    InterceptorStack(List<ChatInterceptor> chat, List<StreamInterceptor> stream) {
        this.chat = List.copyOf(chat);
        this.stream = List.copyOf(stream);
    }

    ChatResponse chat(ChatRequest request, ChatInterceptor.Chain outer) {
        return new ChatStep(0, outer).proceed(request);
    }

    ChatStream stream(ChatRequest request, StreamInterceptor.Chain outer) {
        return new StreamStep(0, outer).proceed(request);
    }

    private final class ChatStep implements ChatInterceptor.Chain {
        private final int index;
        private final ChatInterceptor.Chain outer;

        ChatStep(int index, ChatInterceptor.Chain outer) {
            this.index = index;
            this.outer = outer;
        }

        @Override
        public ChatResponse proceed(ChatRequest request) {
            return index == chat.size() ? outer.proceed(request) : chat.get(index).intercept(request, new ChatStep(index + 1, outer));
        }

        @Override
        public ModelInfo model() {
            return outer.model();
        }
    }

    private final class StreamStep implements StreamInterceptor.Chain {
        private final int index;
        private final StreamInterceptor.Chain outer;

        StreamStep(int index, StreamInterceptor.Chain outer) {
            this.index = index;
            this.outer = outer;
        }

        @Override
        public ChatStream proceed(ChatRequest request) {
            return index == stream.size()
                    ? outer.proceed(request)
                    : stream.get(index).interceptStream(request, new StreamStep(index + 1, outer));
        }

        @Override
        public ModelInfo model() {
            return outer.model();
        }
    }
}
