package dev.weft.core.observability;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import io.opentelemetry.context.Scope;
import java.util.Iterator;

/**
 * A traced stream: reads the inner stream with the call's span current (so that work the inner stream does lazily,
 * such as a retry or a fallback started on the first read, is traced as the span's children), times each chunk, and
 * ends the span when the stream completes, fails or is closed early.
 *
 * <p>{@link ChatStream#observe} is not used because its observer cannot make the span current around the reads.
 * The end is reported once: a close from another thread while the reader is blocked ends the span as cancelled, and
 * the reader's resulting error is then ignored.
 */
final class TracedSource implements ChatStream.Source {
    private final ChatStream delegate;
    private final TracedCall call;
    private Iterator<ChatDelta> iterator;

    TracedSource(ChatStream delegate, TracedCall call) {
        this.delegate = delegate;
        this.call = call;
    }

    @Override
    public ChatDelta next() {
        try (Scope ignored = call.context().makeCurrent()) {
            if (iterator == null) {
                iterator = delegate.iterator();
            }
            if (!iterator.hasNext()) {
                return null;
            }
            ChatDelta delta = iterator.next();
            call.chunk();
            return delta;
        } catch (RuntimeException | Error e) {
            call.failed(e);
            throw e;
        }
    }

    @Override
    public ChatResponse finish() {
        ChatResponse response;
        try (Scope ignored = call.context().makeCurrent()) {
            response = delegate.response();
        } catch (RuntimeException | Error e) {
            call.failed(e);
            throw e;
        }
        call.succeeded(response);
        return response;
    }

    @Override
    public void close() {
        call.cancelled();
        delegate.close();
    }
}
