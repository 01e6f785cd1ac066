package dev.weft.core.resilience;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** A stream that switches to the fallback model when the primary fails before delivering anything. */
final class FallbackSource extends ForwardingSource {
    private final Fallback owner;
    private final Supplier<ChatStream> primary;
    private final Supplier<ChatStream> secondary;
    private final String model;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean started;
    private boolean onFallback;
    private boolean delivered;
    private Iterator<ChatDelta> iterator;
    private ChatResponse response;

    FallbackSource(Fallback owner, Supplier<ChatStream> primary, Supplier<ChatStream> secondary, String model) {
        this.owner = owner;
        this.primary = primary;
        this.secondary = secondary;
        this.model = model;
    }

    @Override
    public ChatDelta next() {
        if (!started) {
            started = true;
            owner.calls.increment();
        }
        while (true) {
            try {
                if (iterator == null) {
                    iterator = attach(onFallback ? secondary.get() : primary.get());
                }
                if (iterator.hasNext()) {
                    delivered = true;
                    return iterator.next();
                }
                response = current().response();
                end(onFallback ? owner.fallbackSuccesses : owner.primarySuccesses);
                return null;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    throw e;
                }
                if (onFallback) {
                    end(owner.fallbackFailures);
                    throw e;
                }
                if (delivered || !owner.worthFallingBack(e)) {
                    end(owner.passedOn);
                    throw e;
                }
                owner.fallbacks.increment();
                owner.log(model, e);
                detach();
                iterator = null;
                onFallback = true;
            }
        }
    }

    private void end(LongAdder counter) {
        if (ended.compareAndSet(false, true)) {
            counter.increment();
        }
    }

    @Override
    public ChatResponse finish() {
        return response;
    }

    @Override
    void onClose() {
        if (started && ended.compareAndSet(false, true)) {
            owner.cancelled.increment();
        }
    }
}
