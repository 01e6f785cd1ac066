package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;

/** Copies of a request with one more {@link dev.weft.core.chat.RequestContext} attribute, so that inner interceptors and traces see what flow control decided. */
final class ContextStamp {
    private ContextStamp() {}

    /** {@code request} with attribute {@code key} set to {@code value}, replacing an earlier value. */
    static ChatRequest with(ChatRequest request, String key, String value) {
        return request.withContext(request.context().withAttribute(key, value));
    }
}
