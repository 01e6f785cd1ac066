package dev.weft.core.pipeline;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ModelInfo;

/**
 * A step on the path of a {@code chat} call, in the manner of OkHttp's interceptors: it may look at or rewrite
 * the request, call {@link Chain#proceed} zero times (answer from a cache, refuse), once, or several times
 * (retry), and look at or rewrite the response. Exceptions thrown by later steps or by the model reach it
 * through {@code proceed}.
 *
 * <pre>{@code
 * ChatInterceptor logging = (request, chain) -> {
 *     log.info("calling {}", chain.model().id());
 *     return chain.proceed(request);
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance serves every call of a pipeline.
 */
@FunctionalInterface
public non-sealed interface ChatInterceptor extends Interceptor {

    /** Handles {@code request}, usually by calling {@code chain.proceed(request)}. Must not return null. */
    ChatResponse intercept(ChatRequest request, Chain chain);

    /** The rest of the pipeline, as seen from one interceptor. */
    interface Chain {
        /** Passes {@code request} to the next interceptor, or to the model after the last one. */
        ChatResponse proceed(ChatRequest request);

        /** The model at the end of the pipeline. */
        ModelInfo model();
    }
}
