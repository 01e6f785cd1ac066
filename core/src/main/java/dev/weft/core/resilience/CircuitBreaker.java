package dev.weft.core.resilience;

import dev.weft.core.CircuitOpenException;
import dev.weft.core.ConcurrencyLimitExceededException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling a model that keeps failing, so that callers fail fast (with {@link CircuitOpenException}) and can
 * fall back instead of waiting on timeouts, and the model gets room to recover. One breaker keeps a separate
 * circuit per model ({@code provider:id}), so a single instance may guard several pipelines.
 *
 * <ul>
 *   <li>CLOSED: calls pass; {@code failureThreshold} consecutive failures open the circuit.</li>
 *   <li>OPEN: calls are refused for {@code openDuration}; the next call after that turns it HALF_OPEN.</li>
 *   <li>HALF_OPEN: up to {@code halfOpenTrials} trial calls pass (others are refused); when all succeed the circuit
 *       closes, and the first failure opens it again.</li>
 * </ul>
 *
 * <p>Failures that count are those that say the model is unwell: {@link ModelUnavailableException} (5xx,
 * connection failures), {@link ModelTimeoutException} and {@link InvalidModelResponseException}. A rate limit, a
 * bad request or an authentication error says nothing about the model's health and is ignored. Streams take
 * their permit when first read and report when they end. Time comes from an {@link InstantSource}, so tests
 * drive the state machine without waiting. Thread-safe.
 *
 * <pre>{@code
 * CircuitBreaker breaker = CircuitBreaker.builder().failureThreshold(5).openDuration(Duration.ofSeconds(30)).build();
 * ChatModel model = ChatPipeline.over(remote).with(breaker).build();
 * breaker.state(remote.info());   // CLOSED, OPEN or HALF_OPEN
 * }</pre>
 */
public final class CircuitBreaker implements ChatInterceptor, StreamInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    /** The states of one model's circuit. */
    public enum State {
        /** Calls pass; failures are counted. */
        CLOSED,
        /** Calls are refused. */
        OPEN,
        /** A few trial calls pass to see whether the model has recovered. */
        HALF_OPEN
    }

    /** The counters, shared by every circuit of this breaker. */
    static final class Counts {
        final LongAdder permitted = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder successes = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder ignored = new LongAdder();
        final LongAdder cancelled = new LongAdder();
        final LongAdder opened = new LongAdder();
        final LongAdder halfOpened = new LongAdder();
        final LongAdder closed = new LongAdder();
    }

    private final int failureThreshold;
    private final Duration openDuration;
    private final int halfOpenTrials;
    private final Predicate<? super RuntimeException> countsAgainstModel;
    private final InstantSource clock;
    private final Counts counts = new Counts();
    private final ConcurrentHashMap<String, Circuit> circuits = new ConcurrentHashMap<>();

    private CircuitBreaker(Builder b) {
        this.failureThreshold = b.failureThreshold;
        this.openDuration = b.openDuration;
        this.halfOpenTrials = b.halfOpenTrials;
        this.countsAgainstModel = b.recordFailureIf;
        this.clock = b.clock;
    }

    /** A builder with the defaults: 5 consecutive failures, open for 30 s, 1 trial call. */
    public static Builder builder() {
        return new Builder();
    }

    /** A breaker with the defaults. */
    public static CircuitBreaker ofDefaults() {
        return builder().build();
    }

    /** The default test for failures that count against a model (see the class description). */
    public static boolean isModelFailure(RuntimeException e) {
        if (e instanceof CircuitOpenException || e instanceof ConcurrencyLimitExceededException) {
            return false;
        }
        return e instanceof ModelUnavailableException || e instanceof ModelTimeoutException
                || e instanceof InvalidModelResponseException;
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        Lease lease = circuit(chain.model()).acquire();
        ChatResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException e) {
            lease.failed(e);
            throw e;
        } catch (Error e) {
            lease.cancelled(); // no verdict on the model, but a half-open trial slot must not be lost
            throw e;
        }
        lease.succeeded();
        return response;
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return ChatStream.from(new GuardedSource(() -> circuit(chain.model()).acquire(), () -> chain.proceed(request)));
    }

    /** The state of {@code model}'s circuit; CLOSED for a model never called. */
    public State state(ModelInfo model) {
        Circuit c = circuits.get(key(model));
        return c == null ? State.CLOSED : c.state();
    }

    /** What this breaker has done so far, over all models. */
    public CircuitBreakerMetrics metrics() {
        return new CircuitBreakerMetrics(counts.permitted.sum(), counts.rejected.sum(), counts.successes.sum(),
                counts.failures.sum(), counts.ignored.sum(), counts.cancelled.sum(), counts.opened.sum(),
                counts.halfOpened.sum(), counts.closed.sum());
    }

    private Circuit circuit(ModelInfo model) {
        return circuits.computeIfAbsent(key(model), k -> new Circuit(this, k));
    }

    private static String key(ModelInfo model) {
        return model.provider() + ":" + model.id();
    }

    int failureThreshold() {
        return failureThreshold;
    }

    Duration openDuration() {
        return openDuration;
    }

    int halfOpenTrials() {
        return halfOpenTrials;
    }

    InstantSource clock() {
        return clock;
    }

    Counts counts() {
        return counts;
    }

    boolean countsAgainstModel(RuntimeException e) {
        return countsAgainstModel.test(e);
    }

    void logTransition(String model, State to) {
        if (to == State.OPEN) {
            LOG.warn("Circuit breaker for {} opened; calls are refused for {}", model, openDuration);
        } else {
            LOG.info("Circuit breaker for {} is {}", model, to);
        }
    }

    /** Builds a {@link CircuitBreaker}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int failureThreshold = 5;
        private Duration openDuration = Duration.ofSeconds(30);
        private int halfOpenTrials = 1;
        private Predicate<? super RuntimeException> recordFailureIf = CircuitBreaker::isModelFailure;
        private InstantSource clock = InstantSource.system();

        private Builder() {}

        /** Consecutive failures that open the circuit, >= 1; default 5. */
        public Builder failureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
            return this;
        }

        /** How long an open circuit refuses calls, > 0; default 30 s. */
        public Builder openDuration(Duration openDuration) {
            this.openDuration = openDuration;
            return this;
        }

        /** Trial calls let through when half-open, all of which must succeed to close, >= 1; default 1. */
        public Builder halfOpenTrials(int halfOpenTrials) {
            this.halfOpenTrials = halfOpenTrials;
            return this;
        }

        /** Which failures count against the model; default {@link CircuitBreaker#isModelFailure}. */
        public Builder recordFailureIf(Predicate<? super RuntimeException> recordFailureIf) {
            this.recordFailureIf = recordFailureIf;
            return this;
        }

        /** Where time comes from; default the system clock. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The breaker.
         *
         * @throws dev.weft.core.InvalidInputException naming the first bad option
         */
        public CircuitBreaker build() {
            Preconditions.check(failureThreshold >= 1, "failureThreshold must be >= 1, was " + failureThreshold);
            Preconditions.check(openDuration != null && openDuration.isPositive(), "openDuration must be > 0, was " + openDuration);
            Preconditions.check(halfOpenTrials >= 1, "halfOpenTrials must be >= 1, was " + halfOpenTrials);
            Preconditions.notNull(recordFailureIf, "recordFailureIf");
            Preconditions.notNull(clock, "clock");
            return new CircuitBreaker(this);
        }
    }
}
