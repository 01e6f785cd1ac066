package dev.weft.core.flow;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import java.util.Iterator;

/** Passes a stream's deltas on as they come and checks the complete answer when it ends. */
final class ValidatedSource implements ChatStream.Source {
    private final ChatStream delegate;
    private final OutputValidation validation;
    private Iterator<ChatDelta> iterator;

    ValidatedSource(ChatStream delegate, OutputValidation validation) {
        this.delegate = delegate;
        this.validation = validation;
    }

    @Override
    public ChatDelta next() {
        if (iterator == null) {
            iterator = delegate.iterator();
        }
        return iterator.hasNext() ? iterator.next() : null;
    }

    @Override
    public ChatResponse finish() {
        ChatResponse response = delegate.response();
        String problem = validation.check(response).orElse(null);
        if (problem != null) {
            throw validation.reject(response, problem, 0);
        }
        return response;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
