package dev.weft.core.chat;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ChatStream.Source} that reads another stream and reports to a {@link StreamObserver}. Exactly one
 * of complete, error and cancel is reported, even when the stream is closed from another thread while its
 * reader is blocked (the reader's resulting error is then not reported).
 */
final class ObservedSource implements ChatStream.Source {
    private final ChatStream delegate;
    private final StreamObserver observer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private Iterator<ChatDelta> iterator;
    private boolean first = true;

    ObservedSource(ChatStream delegate, StreamObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public ChatDelta next() {
        try {
            if (iterator == null) {
                iterator = delegate.iterator();
            }
            if (!iterator.hasNext()) {
                return null;
            }
            ChatDelta delta = iterator.next();
            if (first) {
                first = false;
                observer.onFirstDelta();
            }
            observer.onDelta(delta);
            return delta;
        } catch (RuntimeException e) {
            end(() -> observer.onError(e));
            throw e;
        }
    }

    @Override
    public ChatResponse finish() {
        ChatResponse response;
        try {
            response = delegate.response();
        } catch (RuntimeException e) {
            end(() -> observer.onError(e));
            throw e;
        }
        end(() -> observer.onComplete(response));
        return response;
    }

    @Override
    public void close() {
        end(observer::onCancel);
        delegate.close();
    }

    private void end(Runnable report) {
        if (ended.compareAndSet(false, true)) {
            report.run();
        }
    }
}
