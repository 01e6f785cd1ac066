package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PromptRegistry}: loading from the class path (directories and jars) and directories, and lookups. */
class PromptRegistryTest {
    private static final List<String> FIXTURES = List.of("greeting.prompt", "support/answer-1.0.0.prompt",
            "support/answer-1.10.0.prompt", "support/answer-1.2.prompt", "support/answer-2.0.0-rc.1.prompt");

    @TempDir
    Path temp;

    @Test
    void loadsAClassPathFolderRecursively() {
        PromptRegistry registry = PromptRegistry.fromClasspath("prompts/registry");

        assertThat(registry.ids()).containsExactly("greeting", "support.answer");
        assertThat(registry.size()).isEqualTo(5);
        assertThat(registry.get("greeting").hash()).isEqualTo(PromptFileTest.GREETING_SHA256);
        assertThat(registry.get("greeting").source()).startsWith("/").endsWith("prompts/registry/greeting.prompt");
    }

    @Test
    void listsVersionsInVersionOrderAndTheLatestIsTheHighest() {
        PromptRegistry registry = PromptRegistry.fromClasspath("/prompts/registry/");

        assertThat(registry.versions("support.answer")).extracting(PromptVersion::toString)
                .containsExactly("1.0.0", "1.2", "1.10.0", "2.0.0-rc.1");
        assertThat(registry.get("support.answer").version()).hasToString("2.0.0-rc.1");
        assertThat(registry.get("support.answer", "1.2.0").version()).hasToString("1.2");
        assertThat(registry.get("support.answer", PromptVersion.parse("1.10")).source()).endsWith("answer-1.10.0.prompt");
        assertThat(registry.versions("nope")).isEmpty();
        assertThat(registry.prompts()).extracting(Prompt::toString).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("greeting@1", "support.answer@1.0.0", "support.answer@1.2", "support.answer@1.10.0",
                        "support.answer@2.0.0-rc.1");
    }

    @Test
    void lookupsThatFindNothingSayWhatThereIs() {
        PromptRegistry registry = PromptRegistry.fromClasspath("prompts/registry");

        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.find("greeting", PromptVersion.parse("2"))).isEmpty();
        assertThatThrownBy(() -> registry.get("nope")).isInstanceOf(PromptNotFoundException.class)
                .hasMessageStartingWith("no prompt 'nope' in this registry, which holds [greeting, support.answer]");
        assertThatThrownBy(() -> registry.get("support.answer", "3"))
                .isInstanceOf(PromptNotFoundException.class)
                .hasMessageStartingWith("prompt 'support.answer' has no version 3; its versions are [1.0.0, 1.2, 1.10.0, 2.0.0-rc.1]");
        assertThatThrownBy(() -> registry.get("nope", "3")).hasMessageStartingWith("no prompt 'nope'");
        assertThatThrownBy(() -> registry.get("greeting", "v3")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void loadsADirectoryRecursivelyWithTheSameHashesAsTheClassPath() throws IOException {
        Path dir = copyFixtures(temp.resolve("prompts"));
        Files.writeString(dir.resolve("support/notes.txt"), "not a prompt");

        PromptRegistry fromDirectory = PromptRegistry.fromDirectory(dir);
        PromptRegistry fromClasspath = PromptRegistry.fromClasspath("prompts/registry");

        assertThat(fromDirectory.prompts()).extracting(Prompt::hash)
                .containsExactlyElementsOf(fromClasspath.prompts().stream().map(Prompt::hash).toList());
        assertThat(fromDirectory.get("greeting").source()).isEqualTo(dir.resolve("greeting.prompt").toString());
    }

    @Test
    void loadsAFolderInsideAJar() throws IOException {
        Path jar = temp.resolve("prompts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("prompts/", "prompts/registry/", "prompts/registry/support/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (String name : FIXTURES) {
                out.putNextEntry(new JarEntry("prompts/registry/" + name));
                out.write(PromptFileTest.resource("prompts/registry/" + name));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("prompts/other/elsewhere.prompt"));
            out.write("not even parsed".getBytes());
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            PromptRegistry registry = PromptRegistry.builder().classpath("prompts/registry", loader).build();

            assertThat(registry.size()).isEqualTo(5);
            assertThat(registry.get("greeting").hash()).isEqualTo(PromptFileTest.GREETING_SHA256);
            assertThat(registry.get("greeting").source()).startsWith("jar:file:").endsWith(".jar!/prompts/registry/greeting.prompt");
        }
    }

    @Test
    void combinesSourcesAndRefusesAnIdAndVersionDefinedTwice() throws IOException {
        Path dir = temp.resolve("more");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("farewell.prompt"), "---\nid: farewell\nversion: 1\n---\nBye {{name}}.\n");
        Prompt extra = Prompt.parse("inline", "---\nid: greeting\nversion: 0.9\n---\nHey.\n");

        PromptRegistry registry = PromptRegistry.builder().classpath("prompts/registry").directory(dir).prompt(extra).build();

        assertThat(registry.ids()).containsExactly("farewell", "greeting", "support.answer");
        assertThat(registry.versions("greeting")).extracting(PromptVersion::toString).containsExactly("0.9", "1");

        PromptLoadException e = catchThrowableOfType(PromptLoadException.class,
                () -> PromptRegistry.builder().directory(dir).prompt(Prompt.parse("copy.prompt", "---\nid: farewell\nversion: 1.0\n---\nBye.\n")).build());
        assertThat(e).hasMessage("prompt 'farewell' version 1.0 is defined twice: in " + dir.resolve("farewell.prompt")
                + " (version 1) and in copy.prompt (version 1.0). Give one of them a new version, or remove it");
        assertThat(e.source()).isEqualTo("copy.prompt");
    }

    @Test
    void duplicatesOnTheClassPathNameBothFiles() {
        PromptLoadException e = catchThrowableOfType(PromptLoadException.class, () -> PromptRegistry.fromClasspath("prompts/duplicate"));

        assertThat(e).hasMessageContaining("prompt 'twin' version 1.0 is defined twice: in ")
                .hasMessageContaining("prompts/duplicate/nested/two.prompt (version 1.0.0)")
                .hasMessageContaining("prompts/duplicate/one.prompt (version 1.0)");
    }

    @Test
    void aMalformedFileFailsTheLoadNamingItsPathAndLine() throws IOException {
        Path dir = copyFixtures(temp.resolve("broken"));
        Path bad = Files.writeString(dir.resolve("support/bad.prompt"), "---\nid: bad\nversion: 1\ntemperature: hot\n---\nx\n");

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> PromptRegistry.fromDirectory(dir));

        assertThat(e.source()).isEqualTo(bad.toString());
        assertThat(e).hasMessageStartingWith(bad + ":4: 'temperature' must be a number");
    }

    @Test
    void missingLocationsAreErrors() throws IOException {
        assertThat(catchThrowableOfType(PromptLoadException.class, () -> PromptRegistry.fromClasspath("no/such/folder")))
                .hasMessageStartingWith("no class path folder 'no/such/folder' found by");
        assertThat(catchThrowableOfType(PromptLoadException.class, () -> PromptRegistry.fromDirectory(temp.resolve("absent"))))
                .hasMessageEndingWith("absent does not exist");
        Path file = Files.writeString(temp.resolve("file.txt"), "x");
        assertThat(catchThrowableOfType(PromptLoadException.class, () -> PromptRegistry.fromDirectory(file)))
                .hasMessageEndingWith("is not a directory");
        assertThatThrownBy(() -> PromptRegistry.builder().build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a source");
    }

    @Test
    void anEmptyDirectoryGivesAnEmptyRegistry() {
        PromptRegistry registry = PromptRegistry.fromDirectory(temp);

        assertThat(registry.size()).isZero();
        assertThat(registry.ids()).isEmpty();
    }

    @Test
    void theRegistryCannotBeChangedThroughWhatItReturns() {
        PromptRegistry registry = PromptRegistry.fromClasspath("prompts/registry");

        assertThatThrownBy(() -> registry.ids().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.prompts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.versions("greeting").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(PromptRegistry.of(registry.prompts()).prompts()).containsExactlyElementsOf(registry.prompts());
        assertThat(registry).hasToString("PromptRegistry[2 ids, 5 prompts]");
    }

    @Test
    void fromTheClassPathTheRenderedRequestIsStampedWithTheFilesHash() {
        Prompt prompt = PromptRegistry.fromClasspath("prompts/registry").get("support.answer", "1.2");

        Map<String, String> attributes = prompt.render(Map.of("product", "Weft", "question", "Why?")).context().attributes();

        assertThat(attributes).containsEntry("prompt.id", "support.answer").containsEntry("prompt.version", "1.2")
                .containsEntry("prompt.hash", "1f16569f99d80d5924a4f6d790340a550206742787810ab5d4d67adff52f8559");
    }

    private static Path copyFixtures(Path dir) throws IOException {
        for (String name : FIXTURES) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(PromptFileTest.resource("prompts/registry/" + name));
            }
        }
        return dir;
    }
}
