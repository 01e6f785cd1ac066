package dev.weft.core.chat;

import dev.weft.core.WeftException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The one {@link ChatStream} implementation: iteration state, error memory and close-once over a {@link ChatStream.Source}. */
final class SourceChatStream implements ChatStream {
    private final ChatStream.Source source;
    private final AtomicBoolean sourceClosed = new AtomicBoolean();
    private boolean iteratorTaken;
    private ChatDelta buffered;
    private boolean exhausted;
    private ChatResponse response;
    private RuntimeException failure;
    private volatile boolean closed;

    SourceChatStream(ChatStream.Source source) {
        this.source = source;
    }

    @Override
    public Iterator<ChatDelta> iterator() {
        if (iteratorTaken) {
            throw new IllegalStateException("a ChatStream can be iterated once");
        }
        iteratorTaken = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return fill();
            }

            @Override
            public ChatDelta next() {
                if (!fill()) {
                    throw new NoSuchElementException();
                }
                ChatDelta d = buffered;
                buffered = null;
                return d;
            }
        };
    }

    /** Makes sure a delta is buffered, returning false at the end of the stream. */
    private boolean fill() {
        if (buffered != null) {
            return true;
        }
        if (failure != null) {
            throw failure;
        }
        if (exhausted) {
            return false;
        }
        if (closed) {
            throw closedEarly();
        }
        try {
            ChatDelta next = source.next();
            if (closed) {
                throw closedEarly(); // cancelled while reading: whatever next() returned, the stream did not end
            }
            if (next != null) {
                buffered = next;
                return true;
            }
            exhausted = true;
            response = source.finish();
            if (response == null) {
                throw new WeftException("the stream's source finished without a response");
            }
            releaseSource();
            return false;
        } catch (RuntimeException e) {
            failure = closed ? closedEarly() : e;
            releaseSource();
            throw failure;
        }
    }

    @Override
    public ChatResponse response() {
        while (fill()) {
            buffered = null;
        }
        return response;
    }

    @Override
    public void close() {
        closed = true;
        releaseSource();
    }

    private void releaseSource() {
        if (sourceClosed.compareAndSet(false, true)) {
            source.close();
        }
    }

    private static WeftException closedEarly() {
        return new WeftException("the stream was closed before it ended");
    }
}
