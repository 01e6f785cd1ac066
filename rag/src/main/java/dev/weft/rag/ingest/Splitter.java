package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.TokenCounter;
import java.util.List;

/**
 * Cuts a {@link Document} into {@link Chunk}s that fit the embedding model, sized in that model's own tokens.
 * Implementations are thread-safe and deterministic: the same document always gives the same chunks, so chunk
 * ids ({@code docId#n}) are stable.
 *
 * <p>The built-in splitters guarantee, for every document:
 * <ul>
 *   <li><b>Nothing lost or reordered.</b> Chunk {@code i} is {@code text.substring(start_i, end_i)}; starts and ends
 *       strictly increase. Between consecutive chunks either lies a gap ({@code end_{i-1} <= start_i}) holding only
 *       whitespace, or an overlap ({@code start_i < end_{i-1}}). Before the first chunk and after the last there
 *       is only whitespace. So the text is reproduced exactly by taking, for each chunk, the gap before it and
 *       the part of the chunk past the previous chunk's end, then the trailing whitespace. A blank document has
 *       no chunks.</li>
 *   <li><b>Within budget.</b> Every chunk counts at most {@code chunkSize} tokens (special tokens excluded), unless
 *       it is one code point that alone counts more.</li>
 *   <li><b>Overlap from whole units.</b> The overlap {@code text.substring(start_i, end_{i-1})} counts at most
 *       {@code overlap} tokens and begins at a unit boundary (paragraph, sentence, word, in that preference).</li>
 *   <li><b>No blank chunk</b>, and no chunk begins or ends with whitespace.</li>
 * </ul>
 *
 * <pre>{@code
 * Splitter splitter = Splitter.recursive()
 *     .tokenCounter(model.tokenCounter())   // the embedding model's own tokenizer
 *     .chunkSize(256)
 *     .overlap(32)
 *     .build();
 * List<Chunk> chunks = splitter.split(document);
 * }</pre>
 */
public interface Splitter {

    /** The chunks of {@code document}, in document order, indexed from 0. */
    List<Chunk> split(Document document);

    /**
     * A description of everything that decides this splitter's output, such as
     * {@code recursive(chunkSize=256, overlap=32)}. The pipeline records it and re-ingests every document when it
     * changes, because old chunks would otherwise stay cut the old way.
     */
    default String fingerprint() {
        return getClass().getName();
    }

    /**
     * A builder for the recursive splitter: paragraphs, then sentences, then words, then grapheme clusters when a
     * single word is longer than a chunk, merged greedily up to the budget.
     */
    static Builder recursive() {
        return new Builder(false);
    }

    /**
     * A builder for the Markdown header splitter: the text is first cut into sections at ATX headers
     * ({@code #} to {@code ######}, outside fenced code blocks); each section is split recursively and its chunks
     * carry the enclosing headers as {@code h1}…{@code h6} and the path {@code section} ({@code A > B}). A chunk
     * never spans two sections, and overlap never crosses a header. Setext headers (underlined) are not
     * recognised. Text without headers is split as one section.
     */
    static Builder markdownHeaders() {
        return new Builder(true);
    }

    /** Builds the built-in splitters. Not thread-safe; {@link #build()} validates. */
    final class Builder {
        private final boolean markdownHeaders;
        private TokenCounter tokenCounter;
        private int chunkSize = 256;
        private int overlap = 32;

        private Builder(boolean markdownHeaders) {
            this.markdownHeaders = markdownHeaders;
        }

        /** How tokens are counted: pass the embedding model's {@code model.tokenCounter()}. Required. */
        public Builder tokenCounter(TokenCounter tokenCounter) {
            this.tokenCounter = tokenCounter;
            return this;
        }

        /** The most tokens in one chunk, special tokens excluded; 256 by default, at least 1. */
        public Builder chunkSize(int tokens) {
            this.chunkSize = tokens;
            return this;
        }

        /** The most tokens a chunk repeats from the end of the one before; 32 by default, 0 for none, below the chunk size. */
        public Builder overlap(int tokens) {
            this.overlap = tokens;
            return this;
        }

        /**
         * The splitter.
         *
         * @throws dev.weft.core.InvalidInputException naming the option when the token counter is missing, the chunk
         *     size is below 1, or the overlap is negative or not below the chunk size
         */
        public Splitter build() {
            Preconditions.check(tokenCounter != null,
                    "Splitter tokenCounter(..) is required: pass the embedding model's tokenCounter() so that chunks are sized in its tokens");
            Preconditions.check(chunkSize >= 1, "Splitter chunkSize must be >= 1 token, was " + chunkSize);
            Preconditions.check(overlap >= 0, "Splitter overlap must be >= 0 tokens, was " + overlap);
            Preconditions.check(overlap < chunkSize,
                    "Splitter overlap (" + overlap + ") must be smaller than chunkSize (" + chunkSize + "), or chunks could not advance");
            SpanChunker chunker = new SpanChunker(tokenCounter, chunkSize, overlap);
            String settings = "chunkSize=" + chunkSize + ", overlap=" + overlap;
            return markdownHeaders ? new MarkdownHeaderSplitter(chunker, settings) : new RecursiveSplitter(chunker, settings);
        }
    }
}
