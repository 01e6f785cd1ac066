package dev.weft.core.resilience;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.pipeline.StreamInterceptor;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream that {@link Retry} reopens after a retryable failure, as long as nothing has reached the reader. The
 * delegate's complete response is fetched inside {@link #next()}, so that a failure at the very end of a stream
 * that delivered nothing can still be retried. Exactly one of success, failure and cancellation is counted.
 */
final class RetryingSource extends ForwardingSource {
    private final Retry retry;
    private final ChatRequest request;
    private final StreamInterceptor.Chain chain;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean started;
    private Iterator<ChatDelta> iterator;
    private ChatResponse response;
    private boolean delivered;
    private int attempt = 1;

    RetryingSource(Retry retry, ChatRequest request, StreamInterceptor.Chain chain) {
        this.retry = retry;
        this.request = request;
        this.chain = chain;
    }

    @Override
    public ChatDelta next() {
        if (!started) {
            started = true;
            retry.countCall();
        }
        while (true) {
            try {
                if (iterator == null) {
                    iterator = attach(chain.proceed(request));
                }
                if (iterator.hasNext()) {
                    ChatDelta d = iterator.next();
                    delivered = true;
                    return d;
                }
                response = current().response();
                if (ended.compareAndSet(false, true)) {
                    retry.countSuccess();
                }
                return null;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    throw e;
                }
                Retry.Decision next = retry.decide(e, attempt, !delivered, chain.model().id());
                if (next.giveUp() != null) {
                    giveUp(next.giveUp());
                    throw e;
                }
                detach();
                iterator = null;
                if (!retry.sleep(next.delay())) {
                    giveUp(Retry.GiveUp.ABANDONED);
                    throw e;
                }
                if (isClosed()) {
                    throw closedEarly();
                }
                retry.countRetry();
                attempt++;
            }
        }
    }

    private void giveUp(Retry.GiveUp reason) {
        if (ended.compareAndSet(false, true)) {
            retry.countGiveUp(reason);
        }
    }

    @Override
    public ChatResponse finish() {
        return response;
    }

    @Override
    void onClose() {
        if (started && ended.compareAndSet(false, true)) {
            retry.countCancelled();
        }
    }
}
