package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentLoadersTest {
    private static final DocumentLoaders DEFAULTS = DocumentLoaders.defaults();

    private static Optional<String> formatOf(String location, String mediaType) {
        return DEFAULTS.find(RawDocument.of("id", location, mediaType, new byte[0])).map(DocumentLoader::format);
    }

    @Test
    void picksByExtensionIgnoringCase() {
        assertThat(formatOf("a/b/notes.TXT", null)).contains("text");
        assertThat(formatOf("readme.md", null)).contains("markdown");
        assertThat(formatOf("page.htm", null)).contains("html");
        assertThat(formatOf("https://example.com/docs/report.pdf?download=1#p2", null)).contains("pdf");
    }

    @Test
    void fallsBackToTheMediaTypeWhenTheExtensionIsUnknown() {
        assertThat(formatOf("https://example.com/docs/page", "text/html; charset=utf-8")).contains("html");
        assertThat(formatOf("index.php", "TEXT/HTML")).contains("html");
        assertThat(formatOf("data.bin", "application/pdf")).contains("pdf");
    }

    @Test
    void unknownTypesHaveNoLoader() {
        assertThat(formatOf("recipes.docx", null)).isEmpty();
        assertThat(formatOf("Makefile", "application/octet-stream")).isEmpty();
        assertThat(formatOf(".hidden", null)).isEmpty();
    }

    @Test
    void aLoaderAddedLaterTakesPrecedence() {
        DocumentLoader markdownAsText = new DocumentLoader() {
            @Override
            public String format() {
                return "plain-markdown";
            }

            @Override
            public Set<String> extensions() {
                return Set.of("md");
            }

            @Override
            public Set<String> mediaTypes() {
                return Set.of();
            }

            @Override
            public Document load(RawDocument raw) throws IOException {
                return DocumentLoader.text().load(raw);
            }
        };
        DocumentLoaders loaders = DEFAULTS.with(markdownAsText);
        assertThat(loaders.find(RawDocument.of("a.md", "a.md", null, new byte[0]))).containsSame(markdownAsText);
        assertThat(loaders.find(RawDocument.of("a.txt", "a.txt", null, new byte[0])).map(DocumentLoader::format)).contains("text");
        assertThat(DEFAULTS.find(RawDocument.of("a.md", "a.md", null, new byte[0])).map(DocumentLoader::format)).contains("markdown");
    }
}
