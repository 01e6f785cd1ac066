package dev.weft.core.pipeline;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ModelInfo;

/**
 * A step on the path of a {@code stream} call: the streaming counterpart of {@link ChatInterceptor}. To watch
 * the deltas, wrap the stream that {@code proceed} returns with
 * {@link ChatStream#observe(ChatStream, dev.weft.core.chat.StreamObserver)}; to answer without the model,
 * return a stream of your own (for example {@link ChatStream#of} over a cached response).
 *
 * <p>Implementations must be thread-safe: one instance serves every call of a pipeline.
 */
@FunctionalInterface
public non-sealed interface StreamInterceptor extends Interceptor {

    /** Handles a streamed {@code request}, usually by calling {@code chain.proceed(request)}. Must not return null. */
    ChatStream interceptStream(ChatRequest request, Chain chain);

    /** The rest of the pipeline, as seen from one interceptor. */
    interface Chain {
        /** Passes {@code request} to the next interceptor, or to the model after the last one. */
        ChatStream proceed(ChatRequest request);

        /** The model at the end of the pipeline. */
        ModelInfo model();
    }
}
