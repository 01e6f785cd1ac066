package dev.weft.core.resilience;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A stream that takes a {@link Lease} when first read (a circuit breaker's permit, a concurrency slot), and gives
 * it back exactly once with the outcome: succeeded at the end, failed on an error, cancelled when closed first.
 */
final class GuardedSource extends ForwardingSource {
    private final Supplier<Lease> acquire;
    private final Supplier<ChatStream> open;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Lease lease;
    private Iterator<ChatDelta> iterator;
    private ChatResponse response;

    GuardedSource(Supplier<Lease> acquire, Supplier<ChatStream> open) {
        this.acquire = acquire;
        this.open = open;
    }

    @Override
    public ChatDelta next() {
        if (lease == null) {
            if (isClosed()) {
                throw closedEarly();
            }
            lease = acquire.get();
            if (isClosed()) {
                end(Outcome.CANCELLED, null);
                throw closedEarly();
            }
        }
        try {
            if (iterator == null) {
                iterator = attach(open.get());
            }
            if (iterator.hasNext()) {
                return iterator.next();
            }
            response = current().response();
        } catch (RuntimeException e) {
            end(isClosed() ? Outcome.CANCELLED : Outcome.FAILED, e);
            throw e;
        }
        end(Outcome.SUCCEEDED, null);
        return null;
    }

    @Override
    public ChatResponse finish() {
        return response;
    }

    @Override
    void onClose() {
        end(Outcome.CANCELLED, null);
    }

    private enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    private void end(Outcome outcome, RuntimeException e) {
        Lease l = lease;
        if (l == null || !ended.compareAndSet(false, true)) {
            return;
        }
        switch (outcome) {
            case SUCCEEDED -> l.succeeded();
            case FAILED -> l.failed(e);
            case CANCELLED -> l.cancelled();
        }
    }
}
