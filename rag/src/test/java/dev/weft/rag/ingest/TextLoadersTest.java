package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The plain text and Markdown loaders. */
class TextLoadersTest {

    private static RawDocument raw(String id, byte[] bytes) {
        return RawDocument.of(id, "corpus/" + id, null, bytes);
    }

    @Test
    void textLoaderDecodesUtf8WithoutItsByteOrderMarkAndUnifiesLineBreaks() throws IOException {
        byte[] body = "caf\u00E9\r\nline two\rline three".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        RawDocument raw = raw("a.txt", bytes);

        Document doc = DocumentLoader.text().load(raw);

        assertThat(doc.id()).isEqualTo("a.txt");
        assertThat(doc.text()).isEqualTo("caf\u00E9\nline two\nline three");
        assertThat(doc.metadata().asMap()).containsEntry(Metadata.SOURCE, "corpus/a.txt").containsEntry(Document.FORMAT, "text")
                .doesNotContainKey(Metadata.TITLE);
        assertThat(doc.contentHash()).isEqualTo(raw.contentHash()).hasSize(64);
        assertThat(doc.pageStarts()).isEmpty();
    }

    @Test
    void textLoaderHonoursUtf16ByteOrderMarksAndReplacesMalformedBytes() throws IOException {
        byte[] utf16 = "\uFEFFhi \uD83D\uDE00".getBytes(StandardCharsets.UTF_16LE);
        assertThat(DocumentLoader.text().load(raw("b.txt", utf16)).text()).isEqualTo("hi \uD83D\uDE00");
        byte[] malformed = {'o', 'k', (byte) 0xC3, ' ', (byte) 0xFF};
        assertThat(DocumentLoader.text().load(raw("c.txt", malformed)).text()).isEqualTo("ok\uFFFD \uFFFD");
    }

    @Test
    void markdownLoaderTakesTheTitleFromFrontMatterAndDropsIt() throws IOException {
        Document doc = DocumentLoader.markdown().load(raw("guides/lighthouse.md", Fixtures.resource("guides/lighthouse.md")));

        assertThat(doc.title()).contains("Keeping a Lighthouse");
        assertThat(doc.text()).startsWith("# Keeping a Lighthouse\n").doesNotContain("author: fixture");
        assertThat(doc.metadata().getString(Document.FORMAT)).contains("markdown");
    }

    @Test
    void markdownLoaderFallsBackToTheFirstLevelOneHeader() throws IOException {
        String md = "Intro line.\n\n```\n# in a code block\n```\n\n## Second\n\n# The Title #\n\nBody.";
        Document doc = DocumentLoader.markdown().load(raw("t.md", md.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.title()).contains("The Title");
        assertThat(doc.text()).isEqualTo(md);

        Document untitled = DocumentLoader.markdown().load(raw("u.md", "no headers\n---\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(untitled.title()).isEmpty();
    }

    @Test
    void anUnclosedFrontMatterIsText() throws IOException {
        String md = "---\nnot closed\n# Heading";
        Document doc = DocumentLoader.markdown().load(raw("f.md", md.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.text()).isEqualTo(md);
        assertThat(doc.title()).contains("Heading");
    }
}
