package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
    @TempDir
    Path root;

    private static List<String> ids(DocumentSource source) throws IOException {
        return source.list().stream().map(SourceEntry::id).toList();
    }

    @Test
    void listsEveryRegularFileInIdOrderByDefault() throws IOException {
        Fixtures.copyCorpus(root);
        assertThat(ids(DirectorySource.builder(root).build())).containsExactlyElementsOf(Fixtures.CORPUS);
    }

    @Test
    void includesAndExcludesByGlobOnRelativePaths() throws IOException {
        Fixtures.copyCorpus(root);
        DirectorySource source = DirectorySource.builder(root).include("**/*.{md,txt,html,pdf}").exclude("drafts/**").build();
        assertThat(ids(source)).containsExactly("guides/bread.md", "guides/lighthouse.md", "notes.txt", "orchard.html");
        assertThat(ids(DirectorySource.builder(root).include("*.txt", "guides/b*").build())).containsExactly("guides/bread.md", "notes.txt");
    }

    @Test
    void entriesReadTheirFileAndNameItsLocation() throws IOException {
        Fixtures.copyCorpus(root);
        SourceEntry notes = DirectorySource.builder(root).include("notes.txt").build().list().getFirst();
        assertThat(notes.location()).isEqualTo(root.resolve("notes.txt").toString());
        assertThat(notes.mediaType()).isEmpty();
        assertThat(new String(notes.read(), StandardCharsets.UTF_8)).startsWith("Field notes on tide pools.");
    }

    @Test
    void orderIsByIdWhateverTheCreationOrder() throws IOException {
        for (String name : List.of("b/z.txt", "a.txt", "b/a.txt", "B.txt", "a/b.txt", "ä.txt")) {
            Files.createDirectories(root.resolve(name).getParent());
            Files.writeString(root.resolve(name), name);
        }
        assertThat(ids(DirectorySource.builder(root).build())).containsExactly("B.txt", "a.txt", "a/b.txt", "b/a.txt", "b/z.txt", "ä.txt");
    }

    @Test
    void doesNotFollowSymbolicLinks() throws IOException {
        Files.writeString(root.resolve("real.txt"), "real");
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("real.txt"));
        assertThat(ids(DirectorySource.builder(root).build())).containsExactly("real.txt");
    }

    @Test
    void aMissingRootCannotBeListed() {
        DirectorySource source = DirectorySource.builder(root.resolve("absent")).build();
        assertThatThrownBy(source::list).isInstanceOf(IOException.class).hasMessageContaining("not a readable directory");
    }

    @Test
    void refusesMalformedGlobsAtBuild() {
        assertThatThrownBy(() -> DirectorySource.builder(root).include("**/*.{md").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("include glob '**/*.{md' is malformed");
        assertThatThrownBy(() -> DirectorySource.builder(root).exclude(" ").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exclude glob");
        assertThatThrownBy(() -> DirectorySource.builder(null).build()).isInstanceOf(InvalidInputException.class);
    }
}
