package dev.weft.rag.answer;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** An {@link AnswerStream} over a chat stream, turning its final response into an {@link Answer} once. */
final class DelegatingAnswerStream implements AnswerStream {
    private final ChatStream delegate;
    private final List<ContextChunk> context;
    private final Function<ChatResponse, Answer> finish;
    private Answer answer;

    DelegatingAnswerStream(ChatStream delegate, List<ContextChunk> context, Function<ChatResponse, Answer> finish) {
        this.delegate = delegate;
        this.context = context;
        this.finish = finish;
    }

    @Override
    public List<ContextChunk> context() {
        return context;
    }

    @Override
    public Iterator<ChatDelta> iterator() {
        return delegate.iterator();
    }

    @Override
    public ChatResponse response() {
        return delegate.response();
    }

    @Override
    public Answer answer() {
        if (answer == null) {
            answer = finish.apply(delegate.response());
        }
        return answer;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
