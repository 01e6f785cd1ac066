package dev.weft.core.resilience;

import dev.weft.core.ModelTimeoutException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A deadline for the rest of the chain, whatever the model: a {@code chat} call that has not answered within
 * {@code total} fails with {@link ModelTimeoutException} and is interrupted (which aborts an HTTP exchange); a
 * stream is cut off when it has not ended within {@code total}, or when it has made its reader wait longer than
 * {@code streamIdle} for the next delta (time the reader spends between deltas is not counted as idle). Placed
 * outside a {@link Retry} it bounds all attempts and waits together; inside, each attempt.
 *
 * <p>The OpenAI provider has its own request and stream-idle timeouts; this interceptor is for models that do not
 * (local ones, bridged ones) and for an overall deadline across retries. A {@code chat} call runs the rest of the
 * chain on a virtual thread so that the caller can be released on time even if the model ignores interruption;
 * thread-locals set by outer interceptors are therefore not visible to inner ones. Thread-safe.
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(local).with(Timeout.of(Duration.ofSeconds(20))).build();
 * }</pre>
 */
public final class Timeout implements ChatInterceptor, StreamInterceptor {
    private static final ThreadFactory WORKERS = Thread.ofVirtual().name("weft-timeout-", 0).factory();

    private final Duration total;
    private final Duration streamIdle;
    private final LongAdder calls = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    private Timeout(Builder b) {
        this.total = b.total;
        this.streamIdle = b.streamIdle;
    }

    /** A deadline of {@code total} for each call, without an idle limit for streams. */
    public static Timeout of(Duration total) {
        return builder().total(total).build();
    }

    /** A builder; {@link Builder#total} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        calls.increment();
        // The call runs on a worker thread: carry the caller's OpenTelemetry context so its spans stay children.
        FutureTask<ChatResponse> task = new FutureTask<>(Context.current().wrap(() -> chain.proceed(request)));
        WORKERS.newThread(task).start();
        try {
            return task.get(total.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            timeouts.increment();
            throw new ModelTimeoutException(chain.model().id() + " did not answer within " + total, total, e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new WeftException("Interrupted while waiting for " + chain.model().id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new WeftException("The call to " + chain.model().id() + " failed: " + cause, cause);
        }
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return ChatStream.from(new TimedSource(this, () -> chain.proceed(request), chain.model().id()));
    }

    /** What this timeout has done so far. */
    public TimeoutMetrics metrics() {
        return new TimeoutMetrics(calls.sum(), timeouts.sum());
    }

    Duration total() {
        return total;
    }

    Duration streamIdle() {
        return streamIdle;
    }

    void countCall() {
        calls.increment();
    }

    void countTimeout() {
        timeouts.increment();
    }

    /** Builds a {@link Timeout}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Duration total;
        private Duration streamIdle;

        private Builder() {}

        /** The whole call's deadline, > 0. Required. */
        public Builder total(Duration total) {
            this.total = total;
            return this;
        }

        /** The longest wait for a stream's next delta, > 0; default none. */
        public Builder streamIdle(Duration streamIdle) {
            this.streamIdle = streamIdle;
            return this;
        }

        /**
         * The timeout.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public Timeout build() {
            Preconditions.check(total != null && total.isPositive(), "total must be > 0, was " + total);
            Preconditions.check(streamIdle == null || streamIdle.isPositive(), "streamIdle must be > 0, was " + streamIdle);
            return new Timeout(this);
        }
    }
}
