package dev.weft.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.StreamObserver;
import dev.weft.core.chat.Timings;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that was seen before from memory (Caffeine), without calling the model.
 *
 * <p><b>The key</b> is a SHA-256 over everything that changes the answer: the model at the end of the pipeline
 * (id, provider, version), every message in order with tool calls and tool results, the tools, the response
 * format and every sampling field. JSON schemas are hashed with sorted property names, so equal requests share
 * a key. The rest of the {@link dev.weft.core.chat.RequestContext} (user, feature, conversation, attributes) is
 * not part of the key, except the tenant, which partitions: entries are never shared across tenants. Hashing
 * streams the request into the digest without building a string of it.
 *
 * <p><b>What is stored</b>: by default answers that finished with {@link FinishReason#STOP} or
 * {@link FinishReason#TOOL_CALLS} ({@link #isCacheable}). Tool-call answers are cached because the key holds the
 * whole conversation, earlier tool results included, so the same key means the same decision point; the caller
 * still runs the tool, as it would for a fresh answer. Truncated ({@code LENGTH}), filtered, cancelled and
 * {@code OTHER} answers are not, nor failures. Requests with a temperature above 0 are cached like any other: a
 * hit replays one sample. Change the rule with {@link Builder#storeIf}.
 *
 * <p><b>A hit</b> returns the stored message, finish reason and model with {@link TokenUsage#ZERO} (a hit spends
 * no tokens, so cost tracking placed outside the cache charges nothing), {@link Timings#ZERO}, and
 * {@link ChatResponse#cacheHit()} set to an {@link dev.weft.core.chat.CacheHit.Kind#EXACT} mark carrying the usage it
 * saved; the saved tokens are also totalled in {@link #metrics()}.
 *
 * <p><b>Streams</b>: a hit is replayed as a stream ({@link ChatStream#of}); a miss is stored when its stream ends
 * normally, not when it fails or is closed early.
 *
 * <pre>{@code
 * ExactCache cache = ExactCache.builder().maximumSize(50_000).expireAfterWrite(Duration.ofHours(6)).build();
 * ChatModel model = ChatPipeline.over(remote).with(cache).build();
 * cache.metrics().hitRate();
 * }</pre>
 *
 * <p>Concurrent misses of the same key each call the model (no request coalescing); the last answer stored
 * wins. Thread-safe: one instance serves every call of a pipeline, or of several.
 */
public final class ExactCache implements ChatInterceptor, StreamInterceptor {
    /** At most this many entries, unless configured. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Entries expire this long after they were stored, unless configured. */
    public static final Duration DEFAULT_EXPIRE_AFTER_WRITE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExactCache.class);

    private final Cache<ExactKey, CachedAnswer> answers;
    private final Predicate<? super ChatResponse> storeIf;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final SavedUsage saved = new SavedUsage();

    private ExactCache(Builder b) {
        Caffeine<ExactKey, CachedAnswer> caffeine = Caffeine.newBuilder()
                .expireAfterWrite(b.expireAfterWrite)
                .ticker(b.ticker)
                .evictionListener((ExactKey key, CachedAnswer answer, RemovalCause cause) -> evictions.increment());
        if (b.executor != null) {
            caffeine.executor(b.executor);
        }
        if (b.maximumWeight != null) {
            caffeine.maximumWeight(b.maximumWeight).weigher((ExactKey key, CachedAnswer answer) -> answer.characters());
        } else {
            caffeine.maximumSize(b.maximumSize != null ? b.maximumSize : DEFAULT_MAXIMUM_SIZE);
        }
        this.answers = caffeine.build();
        this.storeIf = b.storeIf;
    }

    /** A builder with the defaults: {@value #DEFAULT_MAXIMUM_SIZE} entries, one hour, {@link #isCacheable}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default storage rule: the answer finished with {@code STOP} or {@code TOOL_CALLS}. */
    public static boolean isCacheable(ChatResponse response) {
        return response.finishReason() == FinishReason.STOP || response.finishReason() == FinishReason.TOOL_CALLS;
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        ExactKey key = RequestFingerprint.exactKey(request, chain.model());
        CachedAnswer hit = answers.getIfPresent(key);
        if (hit != null) {
            return serve(hit);
        }
        misses.increment();
        ChatResponse response = chain.proceed(request);
        store(key, response);
        return response;
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        ExactKey key = RequestFingerprint.exactKey(request, chain.model());
        CachedAnswer hit = answers.getIfPresent(key);
        if (hit != null) {
            return ChatStream.of(serve(hit));
        }
        misses.increment();
        return ChatStream.observe(chain.proceed(request), new StreamObserver() {
            @Override
            public void onComplete(ChatResponse response) {
                store(key, response);
            }
        });
    }

    /**
     * The answer cached for {@code request} sent to {@code model}, as a hit would return it, without calling a
     * model. Not counted in {@link #metrics()}.
     */
    public Optional<ChatResponse> lookup(ChatRequest request, ModelInfo model) {
        Preconditions.notNull(request, "request");
        Preconditions.notNull(model, "model");
        return Optional.ofNullable(answers.getIfPresent(RequestFingerprint.exactKey(request, model))).map(CachedAnswer::served);
    }

    /** Drops every entry. */
    public void invalidateAll() {
        answers.invalidateAll();
    }

    /** Drops the entries of {@code tenantId} ({@code null}: requests without a tenant). */
    public void invalidateTenant(String tenantId) {
        answers.asMap().keySet().removeIf(key -> Objects.equals(key.tenant(), tenantId));
    }

    /** What this cache has done so far. */
    public ExactCacheMetrics metrics() {
        return new ExactCacheMetrics(hits.sum(), misses.sum(), stores.sum(), evictions.sum(), answers.estimatedSize(),
                saved.total());
    }

    /** Runs pending maintenance (evicting expired entries) now; for tests. */
    void cleanUp() {
        answers.cleanUp();
    }

    private ChatResponse serve(CachedAnswer hit) {
        hits.increment();
        saved.add(hit.originalUsage());
        return hit.served();
    }

    private void store(ExactKey key, ChatResponse response) {
        boolean cacheable;
        try {
            cacheable = storeIf.test(response);
        } catch (RuntimeException e) {
            LOG.warn("ExactCache.storeIf threw; the answer is returned but not cached", e);
            return;
        }
        if (cacheable) {
            answers.put(key, CachedAnswer.of(response));
            stores.increment();
        }
    }

    /** Builds an {@link ExactCache}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Long maximumSize;
        private Long maximumWeight;
        private Duration expireAfterWrite = DEFAULT_EXPIRE_AFTER_WRITE;
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor;
        private Predicate<? super ChatResponse> storeIf = ExactCache::isCacheable;

        private Builder() {}

        /** At most this many entries, >= 1; default {@value ExactCache#DEFAULT_MAXIMUM_SIZE}. Not with {@link #maximumWeight}. */
        public Builder maximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * At most this many characters of answers in all (text, tool names, ids and arguments; an entry weighs at
         * least 1), >= 1: a bound on memory rather than on entries. Not with {@link #maximumSize}.
         */
        public Builder maximumWeight(long characters) {
            this.maximumWeight = characters;
            return this;
        }

        /** How long an entry lives after it was stored, > 0; default one hour. */
        public Builder expireAfterWrite(Duration expireAfterWrite) {
            this.expireAfterWrite = expireAfterWrite;
            return this;
        }

        /** The time source for expiry; default {@link Ticker#systemTicker()}. Tests pass a ticker they move. */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /** Where Caffeine runs its maintenance; default {@link java.util.concurrent.ForkJoinPool#commonPool()}. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Which answers to store; default {@link ExactCache#isCacheable}. Failures are never stored. */
        public Builder storeIf(Predicate<? super ChatResponse> storeIf) {
            this.storeIf = storeIf;
            return this;
        }

        /**
         * The cache.
         *
         * @throws InvalidInputException naming the first bad option
         */
        public ExactCache build() {
            Preconditions.check(maximumSize == null || maximumWeight == null,
                    "set maximumSize (" + maximumSize + ") or maximumWeight (" + maximumWeight + "), not both");
            Preconditions.check(maximumSize == null || maximumSize >= 1, "maximumSize must be >= 1, was " + maximumSize);
            Preconditions.check(maximumWeight == null || maximumWeight >= 1, "maximumWeight must be >= 1, was " + maximumWeight);
            Preconditions.check(expireAfterWrite != null && expireAfterWrite.isPositive(),
                    "expireAfterWrite must be > 0, was " + expireAfterWrite);
            Preconditions.notNull(ticker, "ticker");
            Preconditions.notNull(storeIf, "storeIf");
            return new ExactCache(this);
        }
    }
}
