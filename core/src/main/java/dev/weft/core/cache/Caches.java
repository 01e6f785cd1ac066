package dev.weft.core.cache;

import dev.weft.core.model.EmbeddingModel;
import java.time.Duration;

/**
 * Entry point to the response caches, both interceptors for {@link dev.weft.core.pipeline.ChatPipeline}. Put the
 * exact cache first: it is cheaper (a hash, no embedding) and answers repeats before the semantic cache is asked.
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(remote)
 *     .with(Caches.exact(10_000, Duration.ofHours(1)))
 *     .with(Caches.semantic(embedder, 0.92))
 *     .build();
 *
 * ExactCache tuned = Caches.exact().maximumWeight(5_000_000).expireAfterWrite(Duration.ofHours(6)).build();
 * }</pre>
 */
public final class Caches {
    private Caches() {}

    /** A builder for an {@link ExactCache}, with its defaults. */
    public static ExactCache.Builder exact() {
        return ExactCache.builder();
    }

    /** An {@link ExactCache} of at most {@code maximumSize} entries that expire {@code expireAfterWrite} after storing. */
    public static ExactCache exact(long maximumSize, Duration expireAfterWrite) {
        return ExactCache.builder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).build();
    }

    /** A builder for a {@link SemanticCache} over {@code embedder}, with its defaults. */
    public static SemanticCache.Builder semantic(EmbeddingModel embedder) {
        return SemanticCache.builder(embedder);
    }

    /** A {@link SemanticCache} over {@code embedder} that reuses answers at cosine similarity {@code threshold} or more. */
    public static SemanticCache semantic(EmbeddingModel embedder, double threshold) {
        return SemanticCache.builder(embedder).threshold(threshold).build();
    }
}
