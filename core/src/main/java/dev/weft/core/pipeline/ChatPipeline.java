package dev.weft.core.pipeline;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a {@link ChatModel} in an ordered chain of interceptors and gives back a {@code ChatModel}, so that
 * tracing, budgets, guardrails, caches and resilience compose without the model knowing.
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(remoteModel)
 *     .with(tracing)        // outermost: sees every call first and every answer last
 *     .with(budget)
 *     .with(cache)
 *     .with(retries)        // innermost: closest to the model
 *     .build();
 * }</pre>
 *
 * <p>The first interceptor added is the outermost. {@code chat} calls pass through every
 * {@link ChatInterceptor}; {@code stream} calls through every {@link StreamInterceptor}; an interceptor that
 * implements both sees both. The pipeline is immutable and thread-safe if its interceptors are; closing it
 * closes the model it wraps.
 */
public final class ChatPipeline {
    private ChatPipeline() {}

    /** Starts a pipeline around {@code model}. */
    public static Builder over(ChatModel model) {
        return new Builder(Preconditions.notNull(model, "model"));
    }

    /** Collects interceptors in order. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final ChatModel model;
        private final List<ChatInterceptor> chat = new ArrayList<>();
        private final List<StreamInterceptor> stream = new ArrayList<>();

        private Builder(ChatModel model) {
            this.model = model;
        }

        /** Adds {@code interceptor} after those added so far, for every kind of call it implements. */
        public Builder with(Interceptor interceptor) {
            Preconditions.notNull(interceptor, "interceptor");
            if (interceptor instanceof ChatInterceptor c) {
                chat.add(c);
            }
            if (interceptor instanceof StreamInterceptor s) {
                stream.add(s);
            }
            return this;
        }

        /** Adds a chat interceptor (this overload lets a lambda be passed). */
        public Builder with(ChatInterceptor interceptor) {
            return with((Interceptor) interceptor);
        }

        /** Adds a stream interceptor. */
        public Builder withStream(StreamInterceptor interceptor) {
            return with((Interceptor) interceptor);
        }

        /** The model wrapped in the interceptors added so far. */
        public ChatModel build() {
            return new InterceptedChatModel(model, chat, stream);
        }
    }
}
