package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionManifestTest {
    @TempDir
    Path dir;

    private static final IngestionManifest.State STATE = new IngestionManifest.State("model=onnx:m, splitter=s", Map.of(
            "b.md", new IngestionManifest.Entry("b".repeat(64), 3),
            "a/ü.txt", new IngestionManifest.Entry("a".repeat(64), 0)));

    @Test
    void aFileManifestRoundTripsThroughJson() throws IOException {
        Path file = dir.resolve("nested/dir/manifest.json");
        IngestionManifest manifest = IngestionManifest.file(file);
        assertThat(manifest.documents()).isEmpty();
        assertThat(manifest.settings()).isEmpty();

        manifest.save(STATE);

        IngestionManifest reopened = IngestionManifest.file(file);
        assertThat(reopened.documents()).containsExactlyEntriesOf(STATE.documents());
        assertThat(reopened.documents().keySet()).containsExactly("a/ü.txt", "b.md");
        assertThat(reopened.settings()).isEqualTo("model=onnx:m, splitter=s");
        assertThat(Files.readString(file)).contains("\"format\" : \"weft-ingestion-manifest\"", "\"chunkCount\" : 3");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void savingReplacesTheWholeFile() {
        Path file = dir.resolve("manifest.json");
        IngestionManifest manifest = IngestionManifest.file(file);
        manifest.save(STATE);
        manifest.save(new IngestionManifest.State("other", Map.of("c.txt", new IngestionManifest.Entry("c".repeat(64), 1))));
        assertThat(IngestionManifest.file(file).documents()).containsOnlyKeys("c.txt");
    }

    @Test
    void anInMemoryManifestKeepsWhatWasSaved() {
        IngestionManifest manifest = IngestionManifest.inMemory();
        assertThat(manifest.path()).isEmpty();
        manifest.save(STATE);
        assertThat(manifest.documents()).isEqualTo(STATE.documents());
    }

    @Test
    void aFileThatIsNotAManifestIsRefusedWithAWayOut() throws IOException {
        Path file = dir.resolve("manifest.json");
        for (String content : new String[] {"not json", "{\"format\":\"something-else\",\"version\":1,\"documents\":{}}",
                "{\"format\":\"weft-ingestion-manifest\",\"version\":1,\"documents\":{\"a\":{\"chunkCount\":1}}}"}) {
            Files.writeString(file, content);
            assertThatThrownBy(() -> IngestionManifest.file(file).documents())
                    .as(content)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("delete it");
        }
    }
}
