package dev.weft.core.pipeline;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.util.List;

/** A {@link ChatModel} whose calls pass through interceptors; built by {@link ChatPipeline}. */
final class InterceptedChatModel implements ChatModel {
    private final ChatModel model;
    private final List<ChatInterceptor> chatInterceptors;
    private final List<StreamInterceptor> streamInterceptors;

    InterceptedChatModel(ChatModel model, List<ChatInterceptor> chat, List<StreamInterceptor> stream) {
        this.model = model;
        this.chatInterceptors = List.copyOf(chat);
        this.streamInterceptors = List.copyOf(stream);
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return new ChatChain(0).proceed(request);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        return new StreamChain(0).proceed(request);
    }

    @Override
    public void close() {
        model.close();
    }

    private final class ChatChain implements ChatInterceptor.Chain {
        private final int index;

        ChatChain(int index) {
            this.index = index;
        }

        @Override
        public ChatResponse proceed(ChatRequest request) {
            Preconditions.notNull(request, "request");
            if (index == chatInterceptors.size()) {
                return nonNull(model.chat(request), model);
            }
            ChatInterceptor interceptor = chatInterceptors.get(index);
            return nonNull(interceptor.intercept(request, new ChatChain(index + 1)), interceptor);
        }

        @Override
        public ModelInfo model() {
            return model.info();
        }
    }

    private final class StreamChain implements StreamInterceptor.Chain {
        private final int index;

        StreamChain(int index) {
            this.index = index;
        }

        @Override
        public ChatStream proceed(ChatRequest request) {
            Preconditions.notNull(request, "request");
            if (index == streamInterceptors.size()) {
                return nonNull(model.stream(request), model);
            }
            StreamInterceptor interceptor = streamInterceptors.get(index);
            return nonNull(interceptor.interceptStream(request, new StreamChain(index + 1)), interceptor);
        }

        @Override
        public ModelInfo model() {
            return model.info();
        }
    }

    private static <T> T nonNull(T value, Object producer) {
        if (value == null) {
            throw new WeftException(producer.getClass().getName() + " returned null; interceptors and models must return a value or throw");
        }
        return value;
    }
}
