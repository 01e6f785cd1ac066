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
import dev.weft.core.chat.Message;
import dev.weft.core.chat.StreamObserver;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.pipeline.ChatInterceptor;
import dev.weft.core.pipeline.StreamInterceptor;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request from a cached answer to a differently worded request: when the final user turn means nearly
 * the same as one answered before, in the very same context.
 *
 * <p><b>How a request is matched.</b> The final message must be a user turn. Its text is normalised (Unicode
 * NFKC, trimmed, every run of whitespace collapsed to one space; lower-cased only if
 * {@link Builder#lowerCase(boolean)} asks, off by default because case can carry meaning — "US" and "us" — and
 * most embedding models keep it), embedded once, and L2-normalised. Everything else must match exactly: the
 * model, the system prompt and every earlier message, the tools, the response format, the sampling, the tenant
 * (and the embedding model and normalisation). A SHA-256 of those is the {@link VectorIndex} partition searched,
 * so a lookup only ever sees entries from an identical context, and never another tenant's. The nearest entry by
 * cosine similarity answers if its similarity is at least the {@linkplain Builder#threshold threshold}.
 *
 * <p><b>Verifying a hit.</b> With a {@linkplain Builder#verifier(HitVerifier) verifier}, the neighbours at or above
 * the threshold are offered to it nearest first (each entry keeps its normalised turn for this) and the first it
 * accepts answers; when it accepts none the call is a miss. Rejections are counted in {@link #metrics()}.
 *
 * <p><b>What is stored</b>: only answers that finished with {@link FinishReason#STOP} and call no tools. A
 * tool-call answer is a decision about this exact wording, not a reply to be reused for a paraphrase; truncated,
 * filtered and failed answers are never stored. A miss is embedded once: the lookup's vector is the one stored.
 *
 * <p><b>A hit</b> returns the stored answer with zero usage and zero timings, as {@link ExactCache} does; streams
 * are served and stored as there (a hit replays as a stream; a miss is stored only when its stream ends
 * normally). Entries expire after {@link Builder#expireAfterWrite} and are bounded by
 * {@link Builder#maximumSize}; an evicted entry leaves the index too.
 *
 * <p><b>Failures</b> of the embedding model, the index or the verifier never fail the call: the request goes to the model
 * uncached, counted in {@link #metrics()} and logged at WARN.
 *
 * <pre>{@code
 * SemanticCache cache = SemanticCache.builder(embedder)      // e.g. onnx:all-minilm-l6-v2
 *     .threshold(0.92)
 *     .maximumSize(20_000)
 *     .expireAfterWrite(Duration.ofHours(12))
 *     .build();
 * ChatModel model = ChatPipeline.over(remote).with(ExactCache.builder().build()).with(cache).build();
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every call of a pipeline. Each cache needs its own index.
 */
public final class SemanticCache implements ChatInterceptor, StreamInterceptor {
    /**
     * The default similarity threshold: a cached answer is reused when the cosine similarity of the two final
     * user turns is at least this. Chosen by {@code SemanticCacheQuality} on a seeded tuning half of GPTCache's 999
     * paraphrase pairs (the lowest threshold with hit precision >= 0.97, a hit on a word-for-word identical cached
     * question counting right) and reported on the other half. With all-MiniLM-L6-v2 that is 0.93: held-out
     * precision 0.972 (0.952 if only a pair's own origin counts, GPTCache's rule), hit rate 0.578; on all 999 pairs
     * 548 correct / 27 wrong / 424 misses, against GPTCache's most precise published row 425 / 25 / 549 (precision
     * 0.944, hit rate 0.450). bge-small-en-v1.5 (int8) never reaches 0.97 on the held-out half (0.955 at its own
     * choice, 0.95); at 0.93 it gives 718 / 46 / 235. Quora's labelled pairs admit no such threshold for any bundled
     * model, because their non-duplicates are near paraphrases ("...in C++?" and "...in C?"): with MiniLM at 0.93,
     * held-out hit precision is 0.70 counting unjudged hits wrong (0.84 over judged ones), at 0.95 0.74, at 0.98 0.82.
     * Raise it where a wrong cached answer is costly, and add a {@link Builder#verifier(HitVerifier) verifier}; lower
     * it for more hits. Another embedding model may want another value.
     */
    public static final float DEFAULT_THRESHOLD = 0.93f;
    /** At most this many entries, unless configured. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Entries expire this long after they were stored, unless configured. */
    public static final Duration DEFAULT_EXPIRE_AFTER_WRITE = Duration.ofHours(1);
    /** Neighbours fetched per lookup, so that a stale id at the top does not hide a live entry behind it. */
    static final int CANDIDATES = 4;

    private static final Logger LOG = LoggerFactory.getLogger(SemanticCache.class);

    private final EmbeddingModel embedder;
    private final VectorIndex index;
    private final float threshold;
    private final boolean lowerCase;
    private final HitVerifier verifier;
    private final Cache<String, Entry> entries;
    private final Set<String> storing = ConcurrentHashMap.newKeySet();
    private final String idPrefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";
    private final AtomicLong nextId = new AtomicLong();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder lookupFailures = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final LongAdder stores = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final SavedUsage saved = new SavedUsage();

    private SemanticCache(Builder b) {
        this.embedder = b.embedder;
        this.index = b.index != null ? b.index
                : b.embedder.dimension() >= 1 ? VectorIndex.inMemory(b.embedder.dimension()) : VectorIndex.inMemory();
        this.threshold = (float) b.threshold;
        this.lowerCase = b.lowerCase;
        this.verifier = b.verifier;
        Caffeine<String, Entry> caffeine = Caffeine.newBuilder()
                .maximumSize(b.maximumSize)
                .expireAfterWrite(b.expireAfterWrite)
                .ticker(b.ticker)
                .evictionListener((String id, Entry entry, RemovalCause cause) -> {
                    evictions.increment();
                    unindex(id);
                });
        if (b.executor != null) {
            caffeine.executor(b.executor);
        }
        this.entries = caffeine.build();
    }

    /** A builder over {@code embedder}, with the defaults: threshold {@value #DEFAULT_THRESHOLD}, in-memory index. */
    public static Builder builder(EmbeddingModel embedder) {
        return new Builder(Preconditions.notNull(embedder, "embedder"));
    }

    @Override
    public ChatResponse intercept(ChatRequest request, ChatInterceptor.Chain chain) {
        Lookup lookup = lookUp(request, chain.model());
        if (count(lookup) instanceof Hit hit) {
            return serve(hit);
        }
        ChatResponse response = chain.proceed(request);
        if (lookup instanceof Miss miss) {
            store(miss, response);
        }
        return response;
    }

    @Override
    public ChatStream interceptStream(ChatRequest request, StreamInterceptor.Chain chain) {
        Lookup lookup = lookUp(request, chain.model());
        if (count(lookup) instanceof Hit hit) {
            return ChatStream.of(serve(hit));
        }
        ChatStream stream = chain.proceed(request);
        if (!(lookup instanceof Miss miss)) {
            return stream;
        }
        return ChatStream.observe(stream, new StreamObserver() {
            @Override
            public void onComplete(ChatResponse response) {
                store(miss, response);
            }
        });
    }

    /**
     * The cached answer that would serve {@code request} sent to {@code model}, and its similarity, without
     * calling a chat model (the embedding model is called, and the verifier if any). Empty on a miss, when the request cannot be looked up,
     * or when the lookup fails. Not counted in {@link #metrics()}.
     */
    public Optional<Match> lookup(ChatRequest request, ModelInfo model) {
        Preconditions.notNull(request, "request");
        Preconditions.notNull(model, "model");
        return lookUp(request, model) instanceof Hit hit
                ? Optional.of(new Match(hit.answer().servedAt(hit.similarity()), hit.similarity()))
                : Optional.empty();
    }

    /** The similarity threshold in use. */
    public float threshold() {
        return threshold;
    }

    /** Drops every entry, from the index too. */
    public void invalidateAll() {
        entries.asMap().keySet().forEach(this::invalidate);
    }

    /** Drops the entries of {@code tenantId} ({@code null}: requests without a tenant), from the index too. */
    public void invalidateTenant(String tenantId) {
        entries.asMap().forEach((id, entry) -> {
            if (Objects.equals(entry.tenant(), tenantId)) {
                invalidate(id);
            }
        });
    }

    /** What this cache has done so far. */
    public SemanticCacheMetrics metrics() {
        return new SemanticCacheMetrics(hits.sum(), misses.sum(), skipped.sum(), lookupFailures.sum(), stores.sum(),
                storeFailures.sum(), evictions.sum(), entries.estimatedSize(), saved.total(), rejections.sum());
    }

    /** Runs pending maintenance (evicting expired entries, and their vectors) now; for tests. */
    void cleanUp() {
        entries.cleanUp();
    }

    /**
     * A semantic hit.
     *
     * @param response the cached answer, as a hit returns it
     * @param similarity the cosine similarity of the request's final user turn to the cached one
     */
    public record Match(ChatResponse response, float similarity) {}

    /** A stored answer, the normalised turn it answered, and where its vector lives. */
    private record Entry(String tenant, String partition, String turn, CachedAnswer answer) {}

    /** The outcome of a lookup. */
    private sealed interface Lookup permits Hit, Miss, Pass {}

    /** {@code rejected}: candidates the verifier vetoed before this one. */
    private record Hit(CachedAnswer answer, float similarity, int rejected) implements Lookup {}

    /** No match; what storing the answer needs. {@code rejected}: candidates the verifier vetoed. */
    private record Miss(String tenant, String partition, String turn, float[] vector, int rejected) implements Lookup {}

    /** Not looked up: {@code failed} when the lookup threw, otherwise the request was not eligible. */
    private record Pass(boolean failed) implements Lookup {}

    private static final Pass SKIP = new Pass(false);
    private static final Pass FAIL = new Pass(true);

    private Lookup lookUp(ChatRequest request, ModelInfo model) {
        List<Message> messages = request.messages();
        if (!(messages.getLast() instanceof UserMessage last)) {
            return SKIP;
        }
        String text = TurnNormaliser.normalise(last.text(), lowerCase);
        if (text.isEmpty()) {
            return SKIP;
        }
        try {
            String partition = RequestFingerprint.semanticPartition(request, model, embedder.info(), lowerCase);
            float[] vector = UnitVectors.normalised(embedder.embed(text).vector());
            if (vector == null) {
                return SKIP;
            }
            int rejected = 0;
            for (VectorIndex.Neighbor n : index.nearest(partition, vector, CANDIDATES)) {
                if (n.similarity() < threshold) {
                    break;
                }
                Entry entry = entries.getIfPresent(n.id());
                if (entry != null && entry.partition().equals(partition)) {
                    if (verifier == null || verifier.accepts(new HitVerifier.Candidate(text, entry.turn(), n.similarity()))) {
                        return new Hit(entry.answer(), n.similarity(), rejected);
                    }
                    rejected++;
                }
                if (entry == null && !storing.contains(n.id())) {
                    index.remove(n.id()); // expired before the cache removed it, or left over from an earlier run
                }
            }
            return new Miss(request.context().tenantId(), partition, text, vector, rejected);
        } catch (RuntimeException e) {
            LOG.warn("Semantic cache lookup (embedding, index or hit verifier) failed for a request to {}; answering without the cache",
                    model.id(), e);
            return FAIL;
        }
    }

    /** Counts {@code lookup} in the metrics and returns it. */
    private Lookup count(Lookup lookup) {
        switch (lookup) {
            case Hit h -> {
                hits.increment();
                rejections.add(h.rejected());
                saved.add(h.answer().originalUsage());
            }
            case Miss m -> {
                misses.increment();
                rejections.add(m.rejected());
            }
            case Pass p -> (p.failed() ? lookupFailures : skipped).increment();
        }
        return lookup;
    }

    private static ChatResponse serve(Hit hit) {
        return hit.answer().servedAt(hit.similarity());
    }

    private void store(Miss miss, ChatResponse response) {
        if (response.finishReason() != FinishReason.STOP || response.message().hasToolCalls()) {
            return;
        }
        // Marked as being stored until the entry is in the cache, so that a concurrent lookup which finds the
        // vector first does not take it for a stale one.
        String id = idPrefix + Long.toString(nextId.incrementAndGet(), 36);
        storing.add(id);
        try {
            index.put(miss.partition(), id, miss.vector());
            entries.put(id, new Entry(miss.tenant(), miss.partition(), miss.turn(), CachedAnswer.of(response)));
            stores.increment();
        } catch (RuntimeException e) {
            storeFailures.increment();
            LOG.warn("Semantic cache could not store an answer; it is returned uncached", e);
        } finally {
            storing.remove(id);
        }
    }

    private void invalidate(String id) {
        if (entries.asMap().remove(id) != null) {
            unindex(id);
        }
    }

    private void unindex(String id) {
        try {
            index.remove(id);
        } catch (RuntimeException e) {
            LOG.warn("Semantic cache could not remove entry {} from its index", id, e);
        }
    }

    /** Builds a {@link SemanticCache}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final EmbeddingModel embedder;
        private double threshold = DEFAULT_THRESHOLD;
        private VectorIndex index;
        private long maximumSize = DEFAULT_MAXIMUM_SIZE;
        private Duration expireAfterWrite = DEFAULT_EXPIRE_AFTER_WRITE;
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor;
        private boolean lowerCase;
        private HitVerifier verifier;

        private Builder(EmbeddingModel embedder) {
            this.embedder = embedder;
        }

        /**
         * The least cosine similarity, in (0, 1], at which a cached answer is reused; default
         * {@value SemanticCache#DEFAULT_THRESHOLD}. Compared in single precision with the index's similarity; a
         * match exactly at the threshold is a hit.
         */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /**
         * Where the vectors live; default {@link VectorIndex#inMemory(int)} of the embedder's dimension. The index
         * must serve this cache alone; the cache does not close it.
         */
        public Builder index(VectorIndex index) {
            this.index = index;
            return this;
        }

        /** At most this many entries, >= 1; default {@value SemanticCache#DEFAULT_MAXIMUM_SIZE}. */
        public Builder maximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
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

        /** Whether to lower-case the final user turn before embedding it; default false (see the class description). */
        public Builder lowerCase(boolean lowerCase) {
            this.lowerCase = lowerCase;
            return this;
        }

        /**
         * A second check on each candidate hit, nearest first, before its answer is reused; default none (the
         * nearest entry at or above the threshold answers). {@code null} removes it. A verifier that throws makes
         * that call's lookup fail: it goes to the model uncached. See {@link HitVerifier} for the ones provided.
         */
        public Builder verifier(HitVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /**
         * The cache.
         *
         * @throws InvalidInputException naming the first bad option
         */
        public SemanticCache build() {
            Preconditions.check(threshold > 0 && threshold <= 1, "threshold must be in (0, 1], was " + threshold);
            Preconditions.check(maximumSize >= 1, "maximumSize must be >= 1, was " + maximumSize);
            Preconditions.check(expireAfterWrite != null && expireAfterWrite.isPositive(),
                    "expireAfterWrite must be > 0, was " + expireAfterWrite);
            Preconditions.notNull(ticker, "ticker");
            return new SemanticCache(this);
        }
    }
}
