package dev.weft.core.testing;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double: a {@link ChatStream.Source} whose {@code next()} blocks on a queue the test feeds, like a
 * network stream. {@link #close()} cancels a blocked {@code next()}: it then throws {@link Cancelled} (as a
 * source over a closed connection would) or, when built with {@code endOnCancel}, returns the end of the
 * stream. {@link #awaitWaiting(int)} lets the test know that the reader has entered {@code next()} a given
 * number of times, without sleeping.
 */
public final class BlockingSource implements ChatStream.Source {
    /** What a cancelled {@code next()} throws. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("source closed while reading");
        }
    }

    private static final Object END = new Object();
    private static final Object CANCEL = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ChatResponse response;
    private final boolean endOnCancel;
    private final AtomicInteger entered = new AtomicInteger();
    private final AtomicInteger closeCalls = new AtomicInteger();
    private final AtomicInteger finishCalls = new AtomicInteger();
    private volatile CountDownLatch waiting = new CountDownLatch(1);
    private volatile int waitingFor = 1;

    public BlockingSource(ChatResponse response, boolean endOnCancel) {
        this.response = response;
        this.endOnCancel = endOnCancel;
    }

    /** Makes the next (or a waiting) {@code next()} return {@code delta}. */
    public void push(ChatDelta delta) {
        queue.add(delta);
    }

    /** Makes a {@code next()} return the end of the stream. */
    public void end() {
        queue.add(END);
    }

    /** Blocks until the reader has entered {@code next()} at least {@code times} times in all. */
    public void awaitWaiting(int times) throws InterruptedException {
        synchronized (this) {
            if (entered.get() >= times) {
                return;
            }
            waitingFor = times;
            waiting = new CountDownLatch(1);
        }
        waiting.await();
    }

    @Override
    public ChatDelta next() {
        synchronized (this) {
            if (entered.incrementAndGet() >= waitingFor) {
                waiting.countDown();
            }
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (item == CANCEL) {
            queue.add(CANCEL); // every later read sees the cancellation too
            if (endOnCancel) {
                return null;
            }
            throw new Cancelled();
        }
        return item == END ? null : (ChatDelta) item;
    }

    @Override
    public ChatResponse finish() {
        finishCalls.incrementAndGet();
        return response;
    }

    @Override
    public void close() {
        closeCalls.incrementAndGet();
        queue.add(CANCEL);
    }

    public int closeCalls() {
        return closeCalls.get();
    }

    public int finishCalls() {
        return finishCalls.get();
    }
}
