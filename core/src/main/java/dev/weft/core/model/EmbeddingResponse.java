package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * The embeddings of a list of texts, in the caller's order, and the tokens read. Immutable.
 *
 * @param embeddings one per input text, same order
 * @param usage tokens read (input tokens only)
 */
public record EmbeddingResponse(List<Embedding> embeddings, TokenUsage usage) {
    public EmbeddingResponse {
        embeddings = Preconditions.immutableList(embeddings, "embeddings");
        usage = usage == null ? TokenUsage.ZERO : usage;
    }

    /** How many of the texts were cut to the model's maximum sequence length. */
    public long truncatedCount() {
        return embeddings.stream().filter(Embedding::truncated).count();
    }
}
