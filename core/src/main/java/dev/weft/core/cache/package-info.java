/**
 * Response caches as interceptors for {@link dev.weft.core.pipeline.ChatPipeline}, for {@code chat} calls and
 * streams alike.
 *
 * <ul>
 *   <li>{@link dev.weft.core.cache.ExactCache} answers a request seen before: keyed on a SHA-256 of everything
 *       that changes the answer (model, messages, tools, response format, sampling), partitioned by tenant.</li>
 *   <li>{@link dev.weft.core.cache.SemanticCache} answers a paraphrase: the final user turn is embedded and matched
 *       by cosine similarity against earlier turns in an identical context, through a
 *       {@link dev.weft.core.cache.VectorIndex} (in memory here, Lucene HNSW in {@code weft-rag}). A
 *       {@link dev.weft.core.cache.HitVerifier} may veto a candidate hit (a cross-encoder, or a second embedding
 *       model), since a bi-encoder alone cannot tell near-identical questions with different answers apart.</li>
 *   <li>{@link dev.weft.core.cache.Caches} builds either.</li>
 * </ul>
 *
 * <p>Both store only successful answers, never share entries across tenants, bound their size and age (Caffeine,
 * with an injectable {@link com.github.benmanes.caffeine.cache.Ticker}), serve hits with zero usage and zero
 * timings, and count hits, misses, stores, evictions and saved tokens in a metrics record
 * ({@link dev.weft.core.observability.CacheMeters} publishes those as OpenTelemetry metrics).
 *
 * <p>The exact cache also coalesces: identical {@code chat} calls that miss while one of them is at the model wait for
 * it and are served its answer as a hit, so a burst of N identical requests costs one model call. Only an answer the
 * cache stores is shared; when the first call fails or its answer may not be stored, each waiting call makes its own.
 * Streams are not coalesced. Everything here is thread-safe.
 */
package dev.weft.core.cache;
