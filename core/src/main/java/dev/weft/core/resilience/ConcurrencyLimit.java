package dev.weft.core.resilience;

import dev.weft.core.ConcurrencyLimitExceededException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Caps the calls in flight through it (a bulkhead), so that a slow provider cannot tie up every thread of the
 * application. A call waits up to {@code maxWait} for a slot (first come, first served), then fails with
 * {@link ConcurrencyLimitExceededException} without calling the model. A stream holds its slot from its first
 * read until it ends or is closed. Thread-safe.
 *
 * <pre>{@code
 * ConcurrencyLimit limit = ConcurrencyLimit.builder().maxConcurrent(16).maxWait(Duration.ofSeconds(2)).build();
 * }</pre>
 */
public final class ConcurrencyLimit implements ChatInterceptor, StreamInterceptor {
    private final int maxConcurrent;
    private final Duration maxWait;
    private final Semaphore slots;
    private final LongAdder acquired = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicInteger peak = new AtomicInteger();

    private ConcurrencyLimit(Builder b) {
        this.maxConcurrent = b.maxConcurrent;
        this.maxWait = b.maxWait;
        this.slots = new Semaphore(maxConcurrent, true);
    }

    /** A builder; {@link Builder#maxConcurrent} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** At most {@code maxConcurrent} calls at once, refusing the rest at once. */
    public static ConcurrencyLimit of(int maxConcurrent) {
        return builder().maxConcurrent(maxConcurrent).build();
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        Lease lease = acquire(chain.model().id());
        try {
            return chain.proceed(request);
        } finally {
            lease.succeeded(); // every outcome gives the slot back, errors included
        }
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return ChatStream.from(new GuardedSource(() -> acquire(chain.model().id()), () -> chain.proceed(request)));
    }

    /** What this limit has done so far. */
    public ConcurrencyLimitMetrics metrics() {
        return new ConcurrencyLimitMetrics(acquired.sum(), rejected.sum(), maxConcurrent - slots.availablePermits(), peak.get());
    }

    private Lease acquire(String model) {
        boolean got;
        try {
            got = maxWait.isZero() ? slots.tryAcquire() : slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeftException("Interrupted while waiting for a call slot for " + model, e);
        }
        if (!got) {
            rejected.increment();
            throw new ConcurrencyLimitExceededException("All " + maxConcurrent + " call slots for " + model + " were busy"
                    + (maxWait.isZero() ? "" : " for " + maxWait) + "; shed load, raise the limit or fall back to another model");
        }
        acquired.increment();
        peak.accumulateAndGet(maxConcurrent - slots.availablePermits(), Math::max);
        return new Lease() {
            @Override
            public void succeeded() {
                slots.release();
            }

            @Override
            public void failed(RuntimeException e) {
                slots.release();
            }

            @Override
            public void cancelled() {
                slots.release();
            }
        };
    }

    /** Builds a {@link ConcurrencyLimit}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int maxConcurrent;
        private Duration maxWait = Duration.ZERO;

        private Builder() {}

        /** Calls allowed in flight at once, >= 1. Required. */
        public Builder maxConcurrent(int maxConcurrent) {
            this.maxConcurrent = maxConcurrent;
            return this;
        }

        /** How long a call may wait for a slot, >= 0; default zero (refuse at once). */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        /**
         * The limit.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public ConcurrencyLimit build() {
            Preconditions.check(maxConcurrent >= 1, "maxConcurrent must be >= 1, was " + maxConcurrent);
            Preconditions.check(maxWait != null && !maxWait.isNegative(), "maxWait must be >= 0, was " + maxWait);
            return new ConcurrencyLimit(this);
        }
    }
}
