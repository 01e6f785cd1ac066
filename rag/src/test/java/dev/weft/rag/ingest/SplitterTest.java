package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.Metadata;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** One token per whitespace-separated word: makes expected chunks easy to write down. */
    private static final TokenCounter WORDS = t -> t.isBlank() ? 0 : t.strip().split("\\s+").length;
    /** One token per code point: exposes any cut inside a character. */
    private static final TokenCounter CODE_POINTS = t -> t.codePointCount(0, t.length());

    private static Splitter recursive(TokenCounter counter, int size, int overlap) {
        return Splitter.recursive().tokenCounter(counter).chunkSize(size).overlap(overlap).build();
    }

    private static List<String> texts(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::text).toList();
    }

    @Test
    void keepsParagraphsWholeWhenTheyFit() {
        String text = "one two three.\n\nfour five six.\n\nseven eight nine ten.";
        List<Chunk> chunks = recursive(WORDS, 7, 0).split(ChunkInvariants.document("p.txt", text));
        assertThat(texts(chunks)).containsExactly("one two three.\n\nfour five six.", "seven eight nine ten.");
    }

    @Test
    void cutsAnOverlongParagraphAtSentences() {
        String text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota kappa.";
        List<Chunk> chunks = recursive(WORDS, 4, 0).split(ChunkInvariants.document("s.txt", text));
        assertThat(texts(chunks)).containsExactly("Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta iota kappa.");
    }

    @Test
    void overlapRepeatsWholeWordsFromThePreviousChunk() {
        String text = IntStream.range(0, 20).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        List<Chunk> chunks = recursive(WORDS, 8, 3).split(ChunkInvariants.document("w.txt", text));
        assertThat(texts(chunks)).containsExactly(
                "w0 w1 w2 w3 w4 w5 w6 w7",
                "w5 w6 w7 w8 w9 w10 w11 w12",
                "w10 w11 w12 w13 w14 w15 w16 w17",
                "w15 w16 w17 w18 w19");
        ChunkInvariants.check("words", ChunkInvariants.document("w.txt", text), chunks, WORDS, 8, 3);
    }

    @Test
    void overlapNeverCrowdsOutNewText() {
        // A 3-word overlap plus the next 6-word sentence would exceed 8: the overlap shrinks to what leaves room.
        String text = "A b c d e f g h. I j k l m n.";
        List<Chunk> chunks = recursive(WORDS, 8, 3).split(ChunkInvariants.document("o.txt", text));
        assertThat(texts(chunks)).containsExactly("A b c d e f g h.", "I j k l m n.");
    }

    @Test
    void cutsAWordLongerThanAChunkBetweenGraphemesNeverInsideOne() {
        String text = "e\u0301".repeat(9) + " 😀😀😀😀😀 👨‍👩‍👧";
        List<Chunk> chunks = recursive(CODE_POINTS, 4, 0).split(ChunkInvariants.document("g.txt", text));
        // Pieces merge across words: the last é and the first 😀 share a chunk; the family emoji, five code points
        // and so longer than a chunk on its own, is the one grapheme that must be cut.
        assertThat(texts(chunks)).containsExactly("e\u0301e\u0301", "e\u0301e\u0301", "e\u0301e\u0301", "e\u0301e\u0301",
                "e\u0301 😀", "😀😀😀😀", "👨\u200D👩\u200D", "👧");
        for (Chunk c : chunks) {
            assertThat(c.text()).doesNotStartWith("\u0301").doesNotStartWith("\u200D");
        }
        ChunkInvariants.check("graphemes", ChunkInvariants.document("g.txt", text), chunks, CODE_POINTS, 4, 0);
    }

    @Test
    void aGraphemeLongerThanAChunkFallsBackToCodePoints() {
        String family = "👨‍👩‍👧"; // five code points: man, ZWJ, woman, ZWJ, girl
        List<Chunk> chunks = recursive(CODE_POINTS, 2, 0).split(ChunkInvariants.document("f.txt", family));
        assertThat(String.join("", texts(chunks))).isEqualTo(family);
        assertThat(chunks).allSatisfy(c -> assertThat(CODE_POINTS.count(c.text())).isLessThanOrEqualTo(2));
    }

    @Test
    void blankDocumentsHaveNoChunks() {
        Splitter splitter = recursive(WORDS, 4, 1);
        assertThat(splitter.split(ChunkInvariants.document("e.txt", ""))).isEmpty();
        assertThat(splitter.split(ChunkInvariants.document("b.txt", " \n\n\t \u2029 "))).isEmpty();
    }

    @Test
    void chunksCarryTheDocumentsMetadataTheirPositionAndId() {
        Document doc = Document.of("guide.txt", "  alpha beta\n\ngamma  ", Metadata.of(Metadata.SOURCE, "docs/guide.txt", Metadata.TITLE, "Guide"));
        List<Chunk> chunks = recursive(WORDS, 2, 0).split(doc);
        assertThat(chunks).hasSize(2);
        Chunk second = chunks.get(1);
        assertThat(second.id()).isEqualTo("guide.txt#1");
        assertThat(second.start()).isEqualTo(14);
        assertThat(second.metadata().asMap()).containsEntry(Metadata.SOURCE, "docs/guide.txt").containsEntry(Metadata.TITLE, "Guide")
                .containsEntry(Chunk.DOCUMENT_ID, "guide.txt").containsEntry(Chunk.INDEX, 1L)
                .containsEntry(Chunk.START, 14L).containsEntry(Chunk.END, 19L)
                .doesNotContainKey(Metadata.PAGE);
    }

    @Test
    void chunksOfAPagedDocumentKnowTheirPages() {
        String text = "one two three\n\nfour five six\n\nseven";
        Document doc = new Document("book.pdf", text, Metadata.of(Metadata.SOURCE, "book.pdf"), List.of(0, 15, 30), "hash");
        List<Chunk> chunks = recursive(WORDS, 4, 0).split(doc);
        assertThat(texts(chunks)).containsExactly("one two three", "four five six\n\nseven");
        assertThat(chunks.get(0).metadata().getLong(Metadata.PAGE)).contains(1L);
        assertThat(chunks.get(0).metadata().get(Chunk.LAST_PAGE)).isEmpty();
        assertThat(chunks.get(1).metadata().getLong(Metadata.PAGE)).contains(2L);
        assertThat(chunks.get(1).metadata().getLong(Chunk.LAST_PAGE)).contains(3L);
    }

    @Test
    void refusesBadConfigurationAtBuildNamingTheOption() {
        assertThatThrownBy(() -> Splitter.recursive().tokenCounter(WORDS).chunkSize(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("chunkSize must be >= 1");
        assertThatThrownBy(() -> Splitter.recursive().tokenCounter(WORDS).chunkSize(10).overlap(10).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overlap (10) must be smaller than chunkSize (10)");
        assertThatThrownBy(() -> Splitter.markdownHeaders().tokenCounter(WORDS).chunkSize(10).overlap(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("overlap must be >= 0");
        assertThatThrownBy(() -> Splitter.recursive().chunkSize(10).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tokenCounter(..) is required");
    }

    @Test
    void fingerprintNamesTheSettings() {
        assertThat(recursive(WORDS, 100, 10).fingerprint()).isEqualTo("recursive(chunkSize=100, overlap=10)");
        assertThat(Splitter.markdownHeaders().tokenCounter(WORDS).chunkSize(50).overlap(0).build().fingerprint())
                .isEqualTo("markdownHeaders(chunkSize=50, overlap=0)");
    }

    @Test
    void sizesChunksInTheModelsOwnWordPieces() {
        TokenCounter miniLm = MiniLm.model().tokenCounter();
        String text = "Hyperparameterization of anthropomorphization pipelines. ".repeat(20);
        List<Chunk> chunks = recursive(miniLm, 16, 4).split(ChunkInvariants.document("t.txt", text));
        assertThat(chunks).allSatisfy(c -> assertThat(miniLm.count(c.text())).isLessThanOrEqualTo(16));
        // Five words but many more word pieces: a chunk of 16 pieces holds far fewer than 16 words.
        assertThat(miniLm.count("Hyperparameterization of anthropomorphization pipelines.")).isGreaterThan(5);
        assertThat(chunks).allSatisfy(c -> assertThat(WORDS.count(c.text())).isLessThan(16));
        ChunkInvariants.check("minilm", ChunkInvariants.document("t.txt", text), chunks, miniLm, 16, 4);
    }
}
