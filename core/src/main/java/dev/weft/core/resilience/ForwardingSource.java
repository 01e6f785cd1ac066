package dev.weft.core.resilience;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatStream;
import java.util.Iterator;

/**
 * A stream source that reads another stream, opened lazily and possibly replaced (retry, fallback). It owns
 * the race between a reader attaching a new delegate and another thread closing: a delegate attached after
 * {@link #close()} is closed at once and the reader is told so.
 */
abstract class ForwardingSource implements ChatStream.Source {
    private final Object lock = new Object();
    private ChatStream delegate; // guarded by lock
    private boolean closed; // guarded by lock

    /** Makes {@code stream} the delegate and returns its iterator; throws if this source was closed meanwhile. */
    final Iterator<ChatDelta> attach(ChatStream stream) {
        synchronized (lock) {
            if (!closed) {
                delegate = stream;
                return stream.iterator();
            }
        }
        stream.close();
        throw closedEarly();
    }

    /** The current delegate; throws if this source was closed. */
    final ChatStream current() {
        synchronized (lock) {
            if (closed || delegate == null) {
                throw closedEarly();
            }
            return delegate;
        }
    }

    /** Closes the current delegate, if any, so that another can be attached. */
    final void detach() {
        ChatStream d;
        synchronized (lock) {
            d = delegate;
            delegate = null;
        }
        if (d != null) {
            d.close();
        }
    }

    final boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Closes the delegate and calls {@link #onClose()} once. */
    @Override
    public final void close() {
        ChatStream d;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            d = delegate;
            delegate = null;
        }
        try {
            onClose();
        } finally {
            if (d != null) {
                d.close();
            }
        }
    }

    /** Runs once, on the closing thread, before the delegate is closed. */
    void onClose() {}

    static WeftException closedEarly() {
        return new WeftException("the stream was closed before it ended");
    }
}
