package dev.weft.core.resilience;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.QuotaExceededException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with another model when the primary one fails for reasons of its own: unavailable (5xx, connection
 * failures, an open circuit, a full concurrency limit), too slow, rate-limited or out of quota, or answering
 * garbage. Errors that would fail on any model (a bad request, bad credentials, a content filter) are passed on.
 * The response names the model that answered ({@code ChatResponse.model()}). A stream falls back only while it
 * has delivered nothing. If the fallback fails too, its exception is thrown with the primary's attached as
 * suppressed. Thread-safe; the fallback model is not closed by this interceptor.
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(remote).with(Fallback.to(localModel)).build();
 * }</pre>
 */
public final class Fallback implements ChatInterceptor, StreamInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(Fallback.class);

    private final ChatModel fallback;
    private final Predicate<? super RuntimeException> when;
    final LongAdder calls = new LongAdder();
    final LongAdder primarySuccesses = new LongAdder();
    final LongAdder passedOn = new LongAdder();
    final LongAdder fallbacks = new LongAdder();
    final LongAdder fallbackSuccesses = new LongAdder();
    final LongAdder fallbackFailures = new LongAdder();
    final LongAdder cancelled = new LongAdder();

    private Fallback(Builder b) {
        this.fallback = b.fallback;
        this.when = b.when;
    }

    /** Falls back to {@code model} on the default failures. */
    public static Fallback to(ChatModel model) {
        return builder(model).build();
    }

    /** A builder falling back to {@code model}. */
    public static Builder builder(ChatModel model) {
        return new Builder(model);
    }

    /** The default test for failures worth falling back for (see the class description). */
    public static boolean isWorthFallingBack(RuntimeException e) {
        return e instanceof ModelUnavailableException || e instanceof ModelTimeoutException || e instanceof RateLimitedException
                || e instanceof QuotaExceededException || e instanceof InvalidModelResponseException;
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        calls.increment();
        ChatResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException primary) {
            if (!when.test(primary)) {
                passedOn.increment();
                throw primary;
            }
            fallbacks.increment();
            log(chain.model().id(), primary);
            try {
                response = fallback.chat(request);
            } catch (RuntimeException secondary) {
                fallbackFailures.increment();
                secondary.addSuppressed(primary);
                throw secondary;
            }
            fallbackSuccesses.increment();
            return response;
        }
        primarySuccesses.increment();
        return response;
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        return ChatStream.from(new FallbackSource(this, () -> chain.proceed(request), () -> fallback.stream(request),
                chain.model().id()));
    }

    /** What this fallback has done so far. */
    public FallbackMetrics metrics() {
        return new FallbackMetrics(calls.sum(), primarySuccesses.sum(), passedOn.sum(), fallbacks.sum(), fallbackSuccesses.sum(),
                fallbackFailures.sum(), cancelled.sum());
    }

    boolean worthFallingBack(RuntimeException e) {
        return when.test(e);
    }

    void log(String primary, RuntimeException e) {
        LOG.debug("Falling back from {} to {} after: {}", primary, fallback.info().id(), e.getMessage());
    }

    /** Builds a {@link Fallback}. Not thread-safe. */
    public static final class Builder {
        private final ChatModel fallback;
        private Predicate<? super RuntimeException> when = Fallback::isWorthFallingBack;

        private Builder(ChatModel fallback) {
            this.fallback = fallback;
        }

        /** Which primary failures to fall back for; default {@link Fallback#isWorthFallingBack}. */
        public Builder when(Predicate<? super RuntimeException> when) {
            this.when = when;
            return this;
        }

        /**
         * The fallback.
         *
         * @throws dev.weft.core.InvalidInputException if the model or the predicate is null
         */
        public Fallback build() {
            Preconditions.notNull(fallback, "fallback model");
            Preconditions.notNull(when, "when");
            return new Fallback(this);
        }
    }
}
