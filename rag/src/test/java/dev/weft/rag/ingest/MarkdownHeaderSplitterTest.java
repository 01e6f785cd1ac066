package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.TokenCounter;
import dev.weft.core.retrieval.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownHeaderSplitterTest {
    private static final TokenCounter WORDS = t -> t.isBlank() ? 0 : t.strip().split("\\s+").length;

    private static final String GUIDE = """
            Preface words here.

            # Install

            Download it.

            ## Linux ##

            Use the package manager.

            ```bash
            # not a header: a shell comment
            apt install weft
            ```

            ## Windows

            Run the installer.

            # Use

            Call the API.
            """;

    private static List<Chunk> split(String text, int size, int overlap) {
        return Splitter.markdownHeaders().tokenCounter(WORDS).chunkSize(size).overlap(overlap).build()
                .split(Document.of("guide.md", text, Metadata.of(Metadata.SOURCE, "guide.md")));
    }

    @Test
    void chunksCarryTheHeadersTheySitUnder() {
        List<Chunk> chunks = split(GUIDE, 50, 0);

        assertThat(chunks).extracting(c -> c.metadata().getString(Chunk.SECTION).orElse("")).containsExactly(
                "", "Install", "Install > Linux", "Install > Windows", "Use");
        assertThat(chunks.get(0).text()).isEqualTo("Preface words here.");
        assertThat(chunks.get(0).metadata().get("h1")).isEmpty();
        Chunk linux = chunks.get(2);
        assertThat(linux.metadata().asMap()).containsEntry("h1", "Install").containsEntry("h2", "Linux");
        assertThat(linux.text()).startsWith("## Linux ##").contains("# not a header").endsWith("```");
        Chunk use = chunks.get(4);
        assertThat(use.metadata().asMap()).containsEntry("h1", "Use").doesNotContainKey("h2");
    }

    @Test
    void aChunkNeverSpansTwoSectionsNorOverlapsAcrossAHeader() {
        List<Chunk> chunks = split(GUIDE, 4, 2);
        for (Chunk c : chunks) {
            String afterFirstLine = c.text().contains("\n") ? c.text().substring(c.text().indexOf('\n')) : "";
            assertThat(afterFirstLine).as(c.id()).doesNotContain("\n# Install", "\n## Linux", "\n## Windows", "\n# Use");
        }
        ChunkInvariants.check("guide", Document.of("guide.md", GUIDE, Metadata.of(Metadata.SOURCE, "guide.md")), chunks, WORDS, 4, 2);
    }

    @Test
    void textWithoutHeadersIsOneSection() {
        List<Chunk> chunks = split("just text,\nno headers.\n#hashtag is not a header", 100, 0);
        assertThat(chunks).singleElement().satisfies(c -> assertThat(c.metadata().get(Chunk.SECTION)).isEmpty());
    }

    @Test
    void deeperHeadersResetWhenAShallowerOneBegins() {
        List<Chunk> chunks = split("# A\n## B\n### C\ntext\n## D\nmore", 100, 0);
        assertThat(chunks).extracting(c -> c.metadata().getString(Chunk.SECTION).orElseThrow())
                .containsExactly("A", "A > B", "A > B > C", "A > D");
        assertThat(chunks.get(3).metadata().get("h3")).isEmpty();
    }
}
