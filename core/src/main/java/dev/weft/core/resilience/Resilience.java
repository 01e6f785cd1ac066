package dev.weft.core.resilience;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resilience interceptors in the order that makes them work together, as one interceptor:
 *
 * <pre>
 *   Fallback → Timeout (overall) → Retry → CircuitBreaker → ConcurrencyLimit → the model
 * </pre>
 *
 * The fallback sees only what survived the retries; the timeout bounds all attempts and their waits; each retry
 * asks the breaker again (so an opened circuit stops the retries), and a retry waiting out its backoff holds no
 * concurrency slot. Each part is optional.
 *
 * <pre>{@code
 * Resilience resilience = Resilience.builder()
 *     .timeout(Duration.ofSeconds(60))
 *     .retry(Retry.builder().maxRetries(3).build())
 *     .circuitBreaker(CircuitBreaker.ofDefaults())
 *     .concurrencyLimit(16)
 *     .fallbackTo(localModel)
 *     .build();
 * ChatModel model = ChatPipeline.over(remote).with(resilience).build();
 * resilience.retry().orElseThrow().metrics();
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every call of a pipeline.
 */
public final class Resilience implements ChatInterceptor, StreamInterceptor {
    private final Fallback fallback;
    private final Timeout timeout;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final ConcurrencyLimit concurrencyLimit;
    private final InterceptorStack stack;

    private Resilience(Builder b) {
        this.fallback = b.fallback;
        this.timeout = b.timeout;
        this.retry = b.retry;
        this.circuitBreaker = b.circuitBreaker;
        this.concurrencyLimit = b.concurrencyLimit;
        List<Object> parts = new ArrayList<>();
        for (Object part : new Object[] {fallback, timeout, retry, circuitBreaker, concurrencyLimit}) {
            if (part != null) {
                parts.add(part);
            }
        }
        this.stack = new InterceptorStack(parts.stream().map(ChatInterceptor.class::cast).toList(),
                parts.stream().map(StreamInterceptor.class::cast).toList());
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with a {@link Retry} of {@code maxRetries} retries and otherwise default settings. */
    public static Builder retries(int maxRetries) {
        return builder().retries(maxRetries);
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        return stack.chat(request, chain);
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return stack.stream(request, chain);
    }

    /** The fallback, if one was set; for its metrics. */
    public Optional<Fallback> fallback() {
        return Optional.ofNullable(fallback);
    }

    /** The overall deadline, if one was set. */
    public Optional<Timeout> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The retry, if one was set. */
    public Optional<Retry> retry() {
        return Optional.ofNullable(retry);
    }

    /** The circuit breaker, if one was set. */
    public Optional<CircuitBreaker> circuitBreaker() {
        return Optional.ofNullable(circuitBreaker);
    }

    /** The concurrency limit, if one was set. */
    public Optional<ConcurrencyLimit> concurrencyLimit() {
        return Optional.ofNullable(concurrencyLimit);
    }

    /** Collects the parts; each setter replaces an earlier one of its kind. Not thread-safe. */
    public static final class Builder {
        private Fallback fallback;
        private Timeout timeout;
        private Retry retry;
        private CircuitBreaker circuitBreaker;
        private ConcurrencyLimit concurrencyLimit;

        private Builder() {}

        /** An overall deadline for each call, all attempts and waits included. */
        public Builder timeout(Duration total) {
            return timeout(Timeout.of(total));
        }

        /** An overall deadline, configured (for example with a stream idle limit). */
        public Builder timeout(Timeout timeout) {
            this.timeout = Preconditions.notNull(timeout, "timeout");
            return this;
        }

        /** A {@link Retry} with {@code maxRetries} retries and otherwise default settings. */
        public Builder retries(int maxRetries) {
            return retry(Retry.builder().maxRetries(maxRetries).build());
        }

        /** A configured retry; keep the instance to read its metrics. */
        public Builder retry(Retry retry) {
            this.retry = Preconditions.notNull(retry, "retry");
            return this;
        }

        /** A circuit breaker; one instance may be shared by several pipelines (it keeps a circuit per model). */
        public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
            this.circuitBreaker = Preconditions.notNull(circuitBreaker, "circuitBreaker");
            return this;
        }

        /** At most {@code maxConcurrent} calls in flight, refusing the rest at once. */
        public Builder concurrencyLimit(int maxConcurrent) {
            return concurrencyLimit(ConcurrencyLimit.of(maxConcurrent));
        }

        /** A configured concurrency limit; share one instance to cap several pipelines together. */
        public Builder concurrencyLimit(ConcurrencyLimit concurrencyLimit) {
            this.concurrencyLimit = Preconditions.notNull(concurrencyLimit, "concurrencyLimit");
            return this;
        }

        /** Falls back to {@code model} on the default failures. */
        public Builder fallbackTo(ChatModel model) {
            return fallback(Fallback.to(model));
        }

        /** A configured fallback. */
        public Builder fallback(Fallback fallback) {
            this.fallback = Preconditions.notNull(fallback, "fallback");
            return this;
        }

        /** The stack; parts not set are left out. */
        public Resilience build() {
            return new Resilience(this);
        }
    }
}
