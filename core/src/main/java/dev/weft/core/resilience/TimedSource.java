package dev.weft.core.resilience;

import dev.weft.core.ModelTimeoutException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Watchdog;
import java.util.Iterator;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A stream under a {@link Timeout}: the shared {@link Watchdog} closes the delegate when the total deadline passes
 * or the reader has waited too long for a delta, and the reader then gets {@link ModelTimeoutException}.
 */
final class TimedSource extends ForwardingSource {
    private final Timeout timeout;
    private final Supplier<ChatStream> open;
    private final String model;
    private final Object watchLock = new Object();
    private Future<?> watch; // guarded by watchLock
    private volatile boolean ended;
    private volatile String expired;
    private volatile long waitingSince;
    private boolean started;
    private long deadline;
    private Iterator<ChatDelta> iterator;
    private ChatResponse response;

    TimedSource(Timeout timeout, Supplier<ChatStream> open, String model) {
        this.timeout = timeout;
        this.open = open;
        this.model = model;
    }

    @Override
    public ChatDelta next() {
        if (!started) {
            started = true;
            timeout.countCall();
            long now = System.nanoTime();
            deadline = now + timeout.total().toNanos();
            waitingSince = now;
            schedule(firstCheck(now));
        }
        try {
            waitingSince = System.nanoTime();
            if (iterator == null) {
                iterator = attach(open.get());
            }
            if (iterator.hasNext()) {
                ChatDelta d = iterator.next();
                waitingSince = 0;
                return d;
            }
            response = current().response();
        } catch (RuntimeException e) {
            ModelTimeoutException t = timedOut();
            if (t != null) {
                t.addSuppressed(e);
                throw t;
            }
            throw e;
        } finally {
            waitingSince = 0;
        }
        ended = true;
        cancelWatch();
        return null;
    }

    private long firstCheck(long now) {
        long idle = timeout.streamIdle() == null ? Long.MAX_VALUE : timeout.streamIdle().toNanos();
        return Math.min(deadline - now, idle);
    }

    private void schedule(long delayNanos) {
        synchronized (watchLock) {
            if (!ended && !isClosed()) {
                watch = Watchdog.scheduleNanos(delayNanos, this::check);
            }
        }
    }

    /** Runs on the watchdog. */
    private void check() {
        if (ended || isClosed()) {
            return;
        }
        long now = System.nanoTime();
        long since = waitingSince;
        if (now - deadline >= 0) {
            expire("total");
            return;
        }
        long next = deadline - now;
        if (timeout.streamIdle() != null) {
            long idle = timeout.streamIdle().toNanos();
            if (since != 0 && now - since >= idle) {
                expire("idle");
                return;
            }
            next = Math.min(next, since != 0 ? since + idle - now : idle);
        }
        schedule(next);
    }

    private void expire(String why) {
        expired = why;
        timeout.countTimeout();
        detach();
    }

    private ModelTimeoutException timedOut() {
        String why = expired;
        if (why == null) {
            return null;
        }
        ended = true;
        return why.equals("total")
                ? new ModelTimeoutException("The stream from " + model + " did not end within " + timeout.total(), timeout.total())
                : new ModelTimeoutException("The stream from " + model + " sent nothing for " + timeout.streamIdle(), timeout.streamIdle());
    }

    private void cancelWatch() {
        synchronized (watchLock) {
            if (watch != null) {
                watch.cancel(false);
            }
        }
    }

    @Override
    public ChatResponse finish() {
        return response;
    }

    @Override
    void onClose() {
        ended = true;
        cancelWatch();
    }
}
