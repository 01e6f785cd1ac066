package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.retrieval.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfLoaderTest {
    @TempDir
    Path dir;

    private static RawDocument raw(Path file) throws IOException {
        return RawDocument.of(file.getFileName().toString(), file.toString(), null, Files.readAllBytes(file));
    }

    @Test
    void oneDocumentPerFileWithThePagesStarts() throws IOException {
        Path file = Fixtures.pdf(dir.resolve("manual.pdf"), "Pump Manual", List.of(
                List.of("Chapter one: priming the pump.", "Open the valve before starting."),
                List.of("Chapter two: maintenance."),
                List.of("Chapter three: winter storage.", "Drain all water.")));

        Document doc = DocumentLoader.pdf().load(raw(file));

        assertThat(doc.title()).contains("Pump Manual");
        assertThat(doc.metadata().asMap()).containsEntry(Metadata.SOURCE, file.toString()).containsEntry(Document.FORMAT, "pdf");
        assertThat(doc.pageCount()).isEqualTo(3);
        assertThat(doc.text()).isEqualTo("Chapter one: priming the pump.\nOpen the valve before starting.\n\n"
                + "Chapter two: maintenance.\n\nChapter three: winter storage.\nDrain all water.");
        assertThat(doc.pageAt(doc.text().indexOf("Open the valve"))).isEqualTo(1);
        assertThat(doc.pageAt(doc.text().indexOf("maintenance"))).isEqualTo(2);
        assertThat(doc.pageAt(doc.text().indexOf("Drain"))).isEqualTo(3);
    }

    @Test
    void pageNumbersReachTheChunks() throws IOException {
        Path file = Fixtures.pdf(dir.resolve("p.pdf"), null, List.of(
                List.of("Alpha beta gamma delta."), List.of("Epsilon zeta eta theta."), List.of("Iota kappa lambda mu.")));
        Document doc = DocumentLoader.pdf().load(raw(file));
        assertThat(doc.title()).isEmpty();

        List<Chunk> chunks = Splitter.recursive().tokenCounter(MiniLm.model().tokenCounter()).chunkSize(8).overlap(0).build().split(doc);

        assertThat(chunks).extracting(Chunk::text).containsExactly("Alpha beta gamma delta.", "Epsilon zeta eta theta.", "Iota kappa lambda mu.");
        assertThat(chunks).extracting(c -> c.metadata().getLong(Metadata.PAGE).orElseThrow()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aBlankPageKeepsTheNumbersOfThePagesAfterIt() throws IOException {
        Path file = Fixtures.pdf(dir.resolve("blank.pdf"), null, List.of(List.of("first"), List.of(), List.of("third")));
        Document doc = DocumentLoader.pdf().load(raw(file));
        assertThat(doc.pageCount()).isEqualTo(3);
        assertThat(doc.pageAt(doc.text().indexOf("third"))).isEqualTo(3);
    }

    @Test
    void refusesBytesThatAreNotAPdf() {
        RawDocument notPdf = RawDocument.of("x.pdf", "x.pdf", null, "%PDF-1.7 but then nothing".getBytes());
        assertThatThrownBy(() -> DocumentLoader.pdf().load(notPdf)).isInstanceOf(IOException.class);
    }
}
