package dev.weft.core.retrieval;

import dev.weft.core.internal.Preconditions;
import java.util.Arrays;

/**
 * A chunk as a {@link VectorStore} holds it. Immutable: {@link #vector()} returns a copy.
 *
 * @param id unique within the store; upserting the same id replaces the chunk
 * @param text the chunk's text
 * @param vector its embedding
 * @param metadata its filterable facts, including {@link Metadata#SOURCE} for citations
 */
public record StoredChunk(String id, String text, float[] vector, Metadata metadata) {
    public StoredChunk {
        Preconditions.notBlank(id, "id");
        Preconditions.notNull(text, "text");
        Preconditions.notNull(vector, "vector of chunk '" + id + "'");
        vector = vector.clone();
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    /** A copy of the vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** The vector's length. */
    public int dimension() {
        return vector.length;
    }

    /** The vector itself, not copied; package-private so that only core's stores read it without a copy. */
    float[] vectorNoCopy() {
        return vector;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredChunk c && id.equals(c.id) && text.equals(c.text) && Arrays.equals(vector, c.vector)
                && metadata.equals(c.metadata);
    }

    @Override
    public int hashCode() {
        return ((id.hashCode() * 31 + text.hashCode()) * 31 + Arrays.hashCode(vector)) * 31 + metadata.hashCode();
    }

    @Override
    public String toString() {
        return "StoredChunk[id=" + id + ", text=" + abbreviate(text) + ", dimension=" + vector.length + ", metadata=" + metadata + "]";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
