package dev.weft.core.flow;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of a request with one more {@link RequestContext} attribute, so that inner interceptors and traces see what flow control decided. */
final class ContextStamp {
    private ContextStamp() {}

    /** {@code request} with attribute {@code key} set to {@code value}, replacing an earlier value. */
    static ChatRequest with(ChatRequest request, String key, String value) {
        RequestContext c = request.context();
        Map<String, String> attributes = new LinkedHashMap<>(c.attributes());
        attributes.put(key, value);
        return request.withContext(new RequestContext(c.userId(), c.tenantId(), c.feature(), c.conversationId(), attributes));
    }
}
