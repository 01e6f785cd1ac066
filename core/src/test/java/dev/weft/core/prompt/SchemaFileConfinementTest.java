package dev.weft.core.prompt;

import static dev.weft.core.prompt.JsonSchemaPromptTest.ANSWER_SCHEMA;
import static dev.weft.core.prompt.JsonSchemaPromptTest.answerPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.chat.ResponseFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A registry reads a {@code schema_file} only inside the folder it loads, from a directory, a class path directory or
 * a jar alike: a prompt folder that is edited apart from the code cannot name any other file the process can read
 * (whose JSON would be sent to the model provider as a schema), and a prompt that loads in development loads from
 * the jar too. {@link Prompt#read(Path)}, given one file by the application, may climb.
 */
class SchemaFileConfinementTest {
    @TempDir
    Path temp;

    static Stream<String> namesOutsideTheFolder() {
        return Stream.of("../schemas/answer.json", "sub/../../schemas/answer.json", "./../schemas/answer.json",
                "..\\schemas\\answer.json", "a/../../../schemas/answer.json");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("namesOutsideTheFolder")
    void aDirectoryRegistryRefusesASchemaFileOutsideItsFolder(String name) throws IOException {
        write("prompts/answer.prompt", answerPrompt(name));
        write("schemas/answer.json", ANSWER_SCHEMA);

        PromptParseException e = catchThrowableOfType(PromptParseException.class,
                () -> PromptRegistry.fromDirectory(temp.resolve("prompts")));

        assertThat(e).as(name).isNotNull();
        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageContaining("'" + name + "' leaves the folder " + temp.resolve("prompts").toAbsolutePath());
    }

    @Test
    void aDirectoryRegistryReadsASchemaFileAnywhereInsideItsFolder() throws IOException {
        write("prompts/support/answer.prompt", answerPrompt("../schemas/answer.json"));
        write("prompts/schemas/answer.json", ANSWER_SCHEMA);

        Prompt prompt = PromptRegistry.fromDirectory(temp.resolve("prompts")).get("support.answer");

        assertThat(prompt.responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
    }

    @Test
    void promptReadMayClimbOutOfThePromptsFolder() throws IOException {
        Path file = write("prompts/answer.prompt", answerPrompt("../schemas/answer.json"));
        write("schemas/answer.json", ANSWER_SCHEMA);

        assertThat(Prompt.read(file).responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
    }

    @Test
    void aSchemaFileNameThatIsNoPathIsAParseErrorOnItsLine() throws IOException {
        Path file = write("answer.prompt", answerPrompt("\"answer\\u0000.json\""));

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.read(file));

        assertThat(e).as("a NUL in the name").isNotNull();
        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageContaining("is not a file name");
    }

    /** The same tree ({@code p/a/answer.prompt}, {@code p/schemas/answer.json}) as a class path directory or a jar. */
    static Stream<String> classPathRoots() {
        return Stream.of("directory", "jar");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("classPathRoots")
    void aClassPathRegistryIsConfinedToItsFolderInADirectoryAsInAJar(String kind) throws IOException {
        Map<String, String> tree = Map.of("p/a/answer.prompt", answerPrompt("../schemas/answer.json"),
                "p/schemas/answer.json", ANSWER_SCHEMA);
        URL root = kind.equals("jar") ? jar(tree) : directory(tree);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, ClassLoader.getPlatformClassLoader())) {
            assertThat(PromptRegistry.builder().classpath("p", loader).build().get("support.answer").responseFormat())
                    .as("inside the folder p").isInstanceOf(ResponseFormat.JsonSchema.class);
            PromptParseException e = catchThrowableOfType(PromptParseException.class,
                    () -> PromptRegistry.builder().classpath("p/a", loader).build());
            assertThat(e).as("outside the folder p/a").isNotNull();
            assertThat(e.line()).isEqualTo(5);
            assertThat(e).hasMessageContaining("'../schemas/answer.json' leaves the folder ");
        }
    }

    private URL directory(Map<String, String> tree) throws IOException {
        for (Map.Entry<String, String> file : tree.entrySet()) {
            write("classes/" + file.getKey(), file.getValue());
        }
        return temp.resolve("classes").toUri().toURL();
    }

    private URL jar(Map<String, String> tree) throws IOException {
        Path jar = temp.resolve("prompts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"p/", "p/a/", "p/schemas/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (Map.Entry<String, String> file : tree.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                write(out, file.getValue());
                out.closeEntry();
            }
        }
        return jar.toUri().toURL();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
