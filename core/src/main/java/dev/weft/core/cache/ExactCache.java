package dev.weft.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.weft.core.InvalidInputException;
import dev.weft.core.WeftException;
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
import java.util.concurrent.ConcurrentHashMap;
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
 * <p><b>Coalescing</b> (on by default, {@link Builder#coalesce}): {@code chat} calls that miss on the same key (same
 * tenant) while an identical call is already at the model do not call it again. The first (the leader) calls the
 * rest of the chain; the others (followers) wait for it and are served its answer exactly as a hit is: zero usage,
 * zero timings, but a {@link dev.weft.core.chat.CacheHit.Kind#COALESCED} mark, so a {@link dev.weft.core.cost.Budgets} placed
 * outside charges them nothing. They are counted as hits, and also in {@link ExactCacheMetrics#coalesced()}. So a
 * burst of N identical requests after a deploy or an expiry costs one model call, not N.
 * <ul>
 *   <li>Followers are given only what the cache stores. When the leader's call fails, or its answer may not be
 *       stored (see above), each follower looks the key up again and, finding nothing, calls the chain itself,
 *       uncoalesced: one failure does not fail N callers, and no caller waits behind more than one other call.
 *       (Retries belong inside the cache, where the leader's call makes them.)</li>
 *   <li>No lock is held across the model call: the leader registers its flight in a concurrent map and removes it
 *       once the answer is stored, before followers are woken.</li>
 *   <li>A follower waits interruptibly: interrupted (by a {@link dev.weft.core.resilience.Timeout} placed outside,
 *       which gives every caller its own deadline, or by the application), it fails with a {@link WeftException},
 *       keeps its interrupt status and leaves the flight to the others. An interrupted leader fails its own call only;
 *       its followers then call the model themselves.</li>
 *   <li>A call made on the leader's own thread (a model that re-enters its own pipeline with the same request) is not
 *       made to wait for itself; it calls the chain. Re-entry from another thread cannot be told from an independent
 *       caller: it waits for the leader, which waits for it, until a deadline ends the leader's call (a
 *       {@link dev.weft.core.resilience.Timeout} runs the rest of the chain on a thread of its own). A model that
 *       calls its own pipeline with the same request from another thread needs {@code coalesce(false)}.</li>
 *   <li>Streams are not coalesced: a follower would have to wait for the leader's whole answer before its first delta,
 *       which defeats streaming, or share a live stream whose pace and early close belong to another reader. A stream
 *       that misses calls the model, as before.</li>
 * </ul>
 *
 * <p>Without coalescing, concurrent misses of the same key each call the model; the last answer stored wins.
 * Thread-safe: one instance serves every call of a pipeline, or of several.
 */
public final class ExactCache implements ChatInterceptor, StreamInterceptor {
    /** At most this many entries, unless configured. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Entries expire this long after they were stored, unless configured. */
    public static final Duration DEFAULT_EXPIRE_AFTER_WRITE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExactCache.class);

    private final Cache<ExactKey, CachedAnswer> answers;
    private final Predicate<? super ChatResponse> storeIf;
    /** The calls at the model now, by key; null when coalescing is off. */
    private final ConcurrentHashMap<ExactKey, Flight> inFlight;
    /** Runs on a follower's thread just before it waits; a no-op but in tests. */
    private final Runnable beforeFollowing;
    private final LongAdder storedHits = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
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
        this.inFlight = b.coalesce ? new ConcurrentHashMap<>() : null;
        this.beforeFollowing = b.beforeFollowing;
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
        if (inFlight == null) {
            return callModel(key, request, chain);
        }
        Flight flight = new Flight();
        Flight leading = inFlight.putIfAbsent(key, flight);
        if (leading == null) {
            return lead(key, flight, request, chain);
        }
        if (leading.ledBy(Thread.currentThread())) {
            return callModel(key, request, chain);
        }
        CachedAnswer shared = follow(leading, chain);
        if (shared != null) {
            coalesced.increment();
            saved.add(shared.originalUsage());
            return shared.sharedInFlight();
        }
        // The leader failed or may not share its answer: this call is a fresh miss of its own, not coalesced again.
        hit = answers.getIfPresent(key);
        return hit != null ? serve(hit) : callModel(key, request, chain);
    }

    /** Makes the call for every identical miss that arrives while it runs, and lands the flight whatever happens. */
    private ChatResponse lead(ExactKey key, Flight flight, ChatRequest request, ChatInterceptor.Chain chain) {
        CachedAnswer shared = null;
        try {
            CachedAnswer hit = answers.getIfPresent(key); // stored by a flight that landed since this call looked
            if (hit != null) {
                shared = hit;
                return serve(hit);
            }
            misses.increment();
            ChatResponse response = chain.proceed(request);
            shared = store(key, response);
            return response;
        } finally {
            inFlight.remove(key, flight); // stored first, so a call arriving now finds the entry
            flight.land(shared);
        }
    }

    private CachedAnswer follow(Flight leading, ChatInterceptor.Chain chain) {
        beforeFollowing.run();
        try {
            return leading.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            misses.increment(); // a call the cache did not answer
            throw new WeftException("Interrupted while waiting for an identical call to " + chain.model().id()
                    + " already in flight; the call was not made. Retry it, or give it a longer deadline.", e);
        }
    }

    private ChatResponse callModel(ExactKey key, ChatRequest request, ChatInterceptor.Chain chain) {
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
        long shared = coalesced.sum(); // read once, so that hits - coalesced is exactly the stored hits
        return new ExactCacheMetrics(storedHits.sum() + shared, misses.sum(), stores.sum(), evictions.sum(),
                answers.estimatedSize(), saved.total(), shared);
    }

    /** Whether concurrent identical misses share one model call. */
    public boolean coalesces() {
        return inFlight != null;
    }

    /** Runs pending maintenance (evicting expired entries) now; for tests. */
    void cleanUp() {
        answers.cleanUp();
    }

    private ChatResponse serve(CachedAnswer hit) {
        storedHits.increment();
        saved.add(hit.originalUsage());
        return hit.served();
    }

    /** Stores {@code response} if the rule allows; returns the entry, or null when it was not stored. */
    private CachedAnswer store(ExactKey key, ChatResponse response) {
        boolean cacheable;
        try {
            cacheable = storeIf.test(response);
        } catch (RuntimeException e) {
            LOG.warn("ExactCache.storeIf threw; the answer is returned but not cached", e);
            return null;
        }
        if (!cacheable) {
            return null;
        }
        CachedAnswer entry = CachedAnswer.of(response);
        answers.put(key, entry);
        stores.increment();
        return entry;
    }

    /** Builds an {@link ExactCache}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Long maximumSize;
        private Long maximumWeight;
        private Duration expireAfterWrite = DEFAULT_EXPIRE_AFTER_WRITE;
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor;
        private Predicate<? super ChatResponse> storeIf = ExactCache::isCacheable;
        private boolean coalesce = true;
        private Runnable beforeFollowing = () -> {};

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
         * Whether identical {@code chat} misses in flight at the same time share one model call (see the class
         * description); default true. Turn off only to measure the model under duplicate load.
         */
        public Builder coalesce(boolean coalesce) {
            this.coalesce = coalesce;
            return this;
        }

        /** Runs on a follower's thread just before it waits for the leader, so that tests know it is waiting. */
        Builder beforeFollowing(Runnable beforeFollowing) {
            this.beforeFollowing = beforeFollowing;
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
            Preconditions.notNull(beforeFollowing, "beforeFollowing");
            return new ExactCache(this);
        }
    }
}
