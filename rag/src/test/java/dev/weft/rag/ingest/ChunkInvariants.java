package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.Metadata;
import java.util.List;

/** Checks the guarantees that {@link Splitter} documents, for one document and its chunks. */
final class ChunkInvariants {
    private ChunkInvariants() {}

    static void check(String context, Document doc, List<Chunk> chunks, TokenCounter counter, int size, int overlap) {
        String text = doc.text();
        if (text.isBlank()) {
            assertThat(chunks).as(context + ": a blank document has no chunks").isEmpty();
            return;
        }
        assertThat(chunks).as(context + ": a non-blank document has chunks").isNotEmpty();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            String at = context + ", chunk " + i;
            assertThat(c.index()).as(at + " index").isEqualTo(i);
            assertThat(c.documentId()).as(at).isEqualTo(doc.id());
            assertThat(c.text()).as(at + " is the document's text at its offsets").isEqualTo(text.substring(c.start(), c.end()));
            assertThat(c.text().isBlank()).as(at + " is not blank").isFalse();
            assertThat(Character.isWhitespace(c.text().charAt(0)) || Character.isWhitespace(c.text().charAt(c.text().length() - 1)))
                    .as(at + " is trimmed").isFalse();
            assertThat(TextLevel.splitsSurrogatePair(text, c.start()) || TextLevel.splitsSurrogatePair(text, c.end()))
                    .as(at + " does not cut a surrogate pair").isFalse();
            assertThat(c.metadata().getString(Chunk.DOCUMENT_ID)).as(at).contains(doc.id());
            assertThat(c.metadata().getLong(Chunk.INDEX)).as(at).contains((long) i);
            assertThat(c.metadata().getLong(Chunk.START)).as(at).contains((long) c.start());
            assertThat(c.metadata().getLong(Chunk.END)).as(at).contains((long) c.end());
            doc.metadata().asMap().forEach((k, v) -> assertThat(c.metadata().get(k)).as(at + " carries " + k).contains(v));
            boolean oneCodePoint = c.text().codePointCount(0, c.text().length()) == 1;
            if (!oneCodePoint) {
                assertThat(counter.count(c.text())).as(at + " fits the budget: " + escape(c.text())).isLessThanOrEqualTo(size);
            }
            if (i > 0) {
                Chunk p = chunks.get(i - 1);
                assertThat(c.start()).as(at + " starts after the previous chunk's start").isGreaterThan(p.start());
                assertThat(c.end()).as(at + " ends after the previous chunk's end").isGreaterThan(p.end());
                if (c.start() >= p.end()) {
                    assertThat(text.substring(p.end(), c.start()).isBlank()).as(at + ": the gap before it is whitespace").isTrue();
                } else {
                    String shared = text.substring(c.start(), p.end());
                    assertThat(overlap).as(at + " overlaps only when overlap is configured").isPositive();
                    assertThat(counter.count(shared)).as(at + " overlap " + escape(shared)).isLessThanOrEqualTo(overlap);
                }
            }
        }
        assertThat(text.substring(0, chunks.getFirst().start()).isBlank()).as(context + ": only whitespace before the first chunk").isTrue();
        assertThat(text.substring(chunks.getLast().end()).isBlank()).as(context + ": only whitespace after the last chunk").isTrue();
        assertThat(reconstruct(text, chunks)).as(context + ": chunks minus overlaps, with the whitespace gaps, are the text").isEqualTo(text);
    }

    /**
     * The text rebuilt from the chunks: for each chunk, the gap before it (whitespace, checked above) and the part of
     * it past the previous chunk's end; then what follows the last chunk.
     */
    static String reconstruct(String text, List<Chunk> chunks) {
        StringBuilder sb = new StringBuilder();
        int position = 0;
        for (Chunk c : chunks) {
            if (c.start() >= position) {
                sb.append(text, position, c.start()).append(c.text());
            } else {
                sb.append(c.text().substring(position - c.start()));
            }
            position = c.end();
        }
        return sb.append(text.substring(position)).toString();
    }

    static Document document(String id, String text) {
        return Document.of(id, text, Metadata.of(Metadata.SOURCE, id, "lang", "en"));
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.isWhitespace(cp)) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
