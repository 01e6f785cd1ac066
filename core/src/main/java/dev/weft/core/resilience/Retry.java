package dev.weft.core.resilience;

import dev.weft.core.CircuitOpenException;
import dev.weft.core.ConcurrencyLimitExceededException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries failed calls that are worth retrying, with exponential backoff and jitter, and waits at least as long
 * as a provider's {@code Retry-After} asks. By default it retries {@link RateLimitedException} (429),
 * {@link ModelTimeoutException} and {@link ModelUnavailableException} (5xx, connection failures), but not an open
 * circuit breaker or a full concurrency limit (retrying at once cannot help; fall back instead), and never a
 * non-retryable error such as 400, 401, 404 or a content filter.
 *
 * <p>A stream is retried only while it has delivered nothing: once a delta has reached the reader, a failure
 * ends the stream.
 *
 * <pre>{@code
 * Retry retry = Retry.builder()
 *     .maxRetries(3)
 *     .backoff(Duration.ofMillis(500), Duration.ofSeconds(20))   // 0.5 s, 1 s, 2 s … at most 20 s
 *     .build();
 * ChatModel model = ChatPipeline.over(remote).with(retry).build();
 * retry.metrics().retries();
 * }</pre>
 *
 * <p>The wait before retry {@code n} is {@code min(maxBackoff, initialBackoff × multiplier^(n-1))}, reduced by a
 * random fraction of at most {@code jitter}, and raised to the provider's {@code Retry-After} when that is longer;
 * a {@code Retry-After} longer than {@code maxRetryAfter} is not waited for (the failure is passed on). Thread-safe.
 */
public final class Retry implements ChatInterceptor, StreamInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Predicate<? super RuntimeException> retryIf;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    private final LongAdder calls = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder exhausted = new LongAdder();
    private final LongAdder notRetryable = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder retryAfterHonoured = new LongAdder();

    private Retry(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryIf = b.retryIf;
        this.sleeper = b.sleeper;
        this.random = b.random;
    }

    /** A builder with the defaults: 2 retries, 500 ms doubling to at most 20 s, 25 % jitter, Retry-After up to 60 s. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default test for what is worth retrying (see the class description). */
    public static boolean isRetryable(RuntimeException e) {
        if (e instanceof CircuitOpenException || e instanceof ConcurrencyLimitExceededException) {
            return false;
        }
        return e instanceof RateLimitedException || e instanceof ModelTimeoutException || e instanceof ModelUnavailableException;
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        countCall();
        for (int attempt = 1; ; attempt++) {
            try {
                ChatResponse response = chain.proceed(request);
                countSuccess();
                return response;
            } catch (RuntimeException e) {
                Decision next = decide(e, attempt, true, chain.model().id());
                if (next.giveUp() != null) {
                    countGiveUp(next.giveUp());
                    throw e;
                }
                if (!sleep(next.delay())) {
                    countGiveUp(GiveUp.ABANDONED);
                    throw e;
                }
                countRetry();
            }
        }
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return ChatStream.from(new RetryingSource(this, request, chain));
    }

    /** What this retry has done so far. */
    public RetryMetrics metrics() {
        return new RetryMetrics(calls.sum(), attempts.sum(), retries.sum(), successes.sum(), failures.sum(), cancelled.sum(),
                exhausted.sum(), notRetryable.sum(), abandoned.sum(), retryAfterHonoured.sum());
    }

    /** Why a failure is passed on. */
    enum GiveUp { NOT_RETRYABLE, EXHAUSTED, ABANDONED }

    /** Either a delay before the next attempt, or the reason to give up. */
    record Decision(Duration delay, GiveUp giveUp) {}

    /**
     * What to do after {@code e} failed attempt {@code attempt}.
     *
     * @param retryable false when the failure cannot be retried whatever it is (a stream already under way)
     */
    Decision decide(RuntimeException e, int attempt, boolean retryable, String model) {
        if (!retryable || !retryIf.test(e)) {
            return new Decision(null, GiveUp.NOT_RETRYABLE);
        }
        if (attempt > maxRetries) {
            return new Decision(null, GiveUp.EXHAUSTED);
        }
        Duration wait = backoff(attempt);
        Duration asked = retryAfter(e);
        if (asked != null) {
            if (asked.compareTo(maxRetryAfter) > 0) {
                return new Decision(null, GiveUp.ABANDONED);
            }
            retryAfterHonoured.increment();
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Retrying {} in {} (retry {} of {}) after: {}", model, wait, attempt, maxRetries, e.getMessage());
        }
        return new Decision(wait, null);
    }

    /** Waits through the sleeper; false when interrupted (the interrupt is kept). */
    boolean sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void countCall() {
        calls.increment();
        attempts.increment();
    }

    void countRetry() {
        retries.increment();
        attempts.increment();
    }

    void countSuccess() {
        successes.increment();
    }

    void countCancelled() {
        cancelled.increment();
    }

    void countGiveUp(GiveUp reason) {
        failures.increment();
        switch (reason) {
            case NOT_RETRYABLE -> notRetryable.increment();
            case EXHAUSTED -> exhausted.increment();
            case ABANDONED -> abandoned.increment();
        }
    }

    private Duration backoff(int retry) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, maxBackoff.toNanos());
        double jittered = capped * (1 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }

    private static Duration retryAfter(RuntimeException e) {
        if (e instanceof RateLimitedException r) {
            return r.retryAfter().orElse(null);
        }
        if (e instanceof ModelUnavailableException u) {
            return u.retryAfter().orElse(null);
        }
        return null;
    }

    /** Builds a {@link Retry}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private double multiplier = 2.0;
        private double jitter = 0.25;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Predicate<? super RuntimeException> retryIf = Retry::isRetryable;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random;

        private Builder() {}

        /** Retries after the first attempt, >= 0; default 2. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first wait and the longest; defaults 500 ms and 20 s. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** How much each wait grows, >= 1; default 2. */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** The largest fraction, in [0, 1], by which a wait is randomly shortened; default 0.25. 1 is "full jitter". */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** The longest {@code Retry-After} worth waiting for; default 60 s. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** Which failures to retry; default {@link Retry#isRetryable}. */
        public Builder retryIf(Predicate<? super RuntimeException> retryIf) {
            this.retryIf = retryIf;
            return this;
        }

        /** How to wait; default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The source of jitter, which must be thread-safe (such as {@link java.util.Random}); default per-thread randoms. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /**
         * The retry.
         *
         * @throws InvalidInputException naming the first bad option
         */
        public Retry build() {
            Preconditions.check(maxRetries >= 0, "maxRetries must be >= 0, was " + maxRetries);
            Preconditions.check(initialBackoff != null && !initialBackoff.isNegative(),
                    "initialBackoff must be >= 0, was " + initialBackoff);
            Preconditions.check(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
                    "maxBackoff must be >= initialBackoff (" + initialBackoff + "), was " + maxBackoff);
            Preconditions.check(multiplier >= 1 && Double.isFinite(multiplier), "multiplier must be >= 1, was " + multiplier);
            Preconditions.check(jitter >= 0 && jitter <= 1, "jitter must be in [0, 1], was " + jitter);
            Preconditions.check(maxRetryAfter != null && !maxRetryAfter.isNegative(), "maxRetryAfter must be >= 0, was " + maxRetryAfter);
            Preconditions.notNull(retryIf, "retryIf");
            Preconditions.notNull(sleeper, "sleeper");
            if (random == null) {
                random = new ThreadLocalRandomSource();
            }
            return new Retry(this);
        }
    }

    /** Delegates to the calling thread's {@link ThreadLocalRandom}. */
    private static final class ThreadLocalRandomSource implements RandomGenerator {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
