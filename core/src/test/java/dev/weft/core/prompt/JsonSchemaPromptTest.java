package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code response_format: json_schema}: the schema inline or in a {@code schema_file}, its name and strictness, the
 * errors, the content hash, and the request a prompt renders.
 */
class JsonSchemaPromptTest {
    static final String ANSWER_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "answer": {"type": "string"},
                "confidence": {"type": "number"}
              },
              "required": ["answer", "confidence"],
              "additionalProperties": false
            }
            """;
    /** {@code sha256sum prompts-schema/support/answer.prompt}. */
    static final String ANSWER_PROMPT_SHA256 = "2c17b9acc6711d3b06963db96c7155976a098e16d011cb6f5a82868402971930";
    /** {@code (sha256sum answer.prompt; sha256sum schemas/answer.schema.json) | cut -d' ' -f1 | sha256sum}. */
    static final String ANSWER_HASH = "e4538d58873388a96b6c2a6e826704c49ac56467b8ac182bc0431d77ff66d0cf";

    @TempDir
    Path temp;

    private static JsonNode json(String text) {
        return WeftJson.parse(text, "expected schema");
    }

    private static PromptParseException failure(String frontMatterTail) {
        return catchThrowableOfType(PromptParseException.class,
                () -> Prompt.parse("s.prompt", "---\nid: s\nversion: 1\n" + frontMatterTail + "---\nbody\n"));
    }

    @Test
    void anInlineSchemaInALiteralBlockRendersOntoTheRequest() {
        Prompt prompt = Prompt.parse("prompts/answer.prompt", """
                ---
                id: support.answer
                version: 1.3.0
                response_format: json_schema
                schema: |
                  {
                    "type": "object",
                    "properties": {
                      "answer": {"type": "string"},
                      "confidence": {"type": "number"}
                    },
                    "required": ["answer", "confidence"],
                    "additionalProperties": false
                  }
                ---
                {{question}}
                """);

        ChatRequest request = prompt.render(Map.of("question", "Why?"), RequestContext.builder().userId("u-1").build());

        assertThat(request.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("support_answer", json(ANSWER_SCHEMA), true));
        assertThat(prompt.responseFormat()).isEqualTo(request.responseFormat());
        assertThat(request.context().attributes()).containsEntry(RequestContext.PROMPT_HASH, prompt.hash());
    }

    @Test
    void anInlineSchemaMayBeOneQuotedLineAndNameAndStrictnessMayBeSet() {
        Prompt prompt = Prompt.parse("p.prompt", """
                ---
                id: tag
                version: 1
                response_format: json_schema
                schema: '{"type": "object", "properties": {"tag": {"type": ["string", "null"]}}}'
                schema_name: Tagging-v1
                strict: false
                ---
                Tag {{text}}
                """);

        assertThat(prompt.render(Map.of("text", "x")).responseFormat()).isEqualTo(new ResponseFormat.JsonSchema(
                "Tagging-v1", json("{\"type\": \"object\", \"properties\": {\"tag\": {\"type\": [\"string\", \"null\"]}}}"),
                false));
    }

    @Test
    void aSchemaFileOnTheClassPathIsReadRelativeToThePromptAndJoinsTheHash() {
        PromptRegistry registry = PromptRegistry.fromClasspath("prompts-schema");

        Prompt answer = registry.get("support.answer");
        ChatRequest request = answer.render(Map.of("product", "Weft", "question", "Why?"));

        assertThat(request.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("support_answer", json(ANSWER_SCHEMA), true));
        assertThat(answer.hash()).isEqualTo(ANSWER_HASH).isNotEqualTo(ANSWER_PROMPT_SHA256);
        assertThat(ContentHash.of(ANSWER_PROMPT_SHA256 + "\n" + ContentHash.of(ANSWER_SCHEMA) + "\n")).isEqualTo(ANSWER_HASH);
        Prompt triage = registry.get("support.triage");
        assertThat(triage.description()).isEqualTo("Sorts a support ticket into a queue.\n");
        assertThat(triage.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("Triage", json("""
                {"type": "object", "properties": {"queue": {"type": "string", "enum": ["billing", "bugs", "other"]}},
                 "required": ["queue"]}"""), false));
    }

    @Test
    void aSchemaFileInADirectoryIsReadByPromptReadAndTheRegistryAndItsBytesChangeTheHash() throws IOException {
        Path prompt = write("prompts/answer.prompt", answerPrompt("../schemas/answer.json"));
        write("schemas/answer.json", ANSWER_SCHEMA);

        Prompt read = Prompt.read(prompt);
        Prompt loaded = PromptRegistry.fromDirectory(temp).get("support.answer"); // a registry reads inside its folder
        write("schemas/answer.json", ANSWER_SCHEMA.replace("\"number\"", "\"integer\""));
        Prompt changed = Prompt.read(prompt);
        write("schemas/answer.json", ANSWER_SCHEMA.replace("\n", "\r\n"));
        Prompt crlf = Prompt.read(prompt);

        assertThat(read.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("support_answer", json(ANSWER_SCHEMA), true));
        assertThat(loaded.hash()).isEqualTo(read.hash());
        assertThat(changed.hash()).isNotEqualTo(read.hash());
        assertThat(((ResponseFormat.JsonSchema) changed.responseFormat()).schema().at("/properties/confidence/type")
                .asString()).isEqualTo("integer");
        assertThat(crlf.hash()).as("CRLF line endings hash alike").isEqualTo(read.hash());
    }

    @Test
    void anInlineSchemaChangeChangesTheHash() {
        String file = "---\nid: s\nversion: 1\nresponse_format: json_schema\nschema: |\n  {\"type\": \"object\"}\n---\nbody\n";

        assertThat(Prompt.parse("a", file).hash()).isEqualTo(ContentHash.of(file))
                .isNotEqualTo(Prompt.parse("a", file.replace("object", "array")).hash());
    }

    @Test
    void aSchemaFileInsideAJarIsReadFromThatJar() throws IOException {
        Path jar = temp.resolve("prompts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"p/", "p/a/", "p/schemas/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("p/a/answer.prompt"));
            out.write(answerPrompt("../schemas/answer.json").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("p/schemas/answer.json"));
            out.write(ANSWER_SCHEMA.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Prompt prompt = PromptRegistry.builder().classpath("p", loader).build().get("support.answer");

            assertThat(prompt.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("support_answer", json(ANSWER_SCHEMA), true));
            assertThat(prompt.hash()).isEqualTo(ContentHash.of(ContentHash.of(answerPrompt("../schemas/answer.json"))
                    + "\n" + ContentHash.of(ANSWER_SCHEMA) + "\n"));
        }
    }

    @Test
    void aMissingSchemaFileNamesThePromptLineAndWhereItLooked() throws IOException {
        Path prompt = write("answer.prompt", answerPrompt("answer.schema.json"));

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.read(prompt));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageStartingWith(prompt + ":5: cannot read schema_file: 'answer.schema.json' not found: no file "
                + temp.resolve("answer.schema.json"));
    }

    @Test
    void aSchemaFileWithInvalidJsonIsNamedWithItsLine() throws IOException {
        Path prompt = write("answer.prompt", answerPrompt("answer.schema.json"));
        Path schema = write("answer.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\"a\": }\n}\n");

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.read(prompt));

        assertThat(e.source()).isEqualTo(schema.toString());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageStartingWith(schema + ":3: the schema is not valid JSON: ")
                .hasMessageContaining("(the schema_file of " + prompt + ":5)");
    }

    @Test
    void aSchemaFileThatIsNotAnObjectIsNamed() throws IOException {
        Path prompt = write("answer.prompt", answerPrompt("answer.schema.json"));
        Path schema = write("answer.schema.json", "[\"type\", \"object\"]");

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.read(prompt));

        assertThat(e).hasMessageStartingWith(schema + ": the schema must be a JSON object, but is an array (the "
                + "schema_file of " + prompt + ":5)");
    }

    @Test
    void invalidInlineJsonIsReportedOnItsLineInThePromptFile() {
        PromptParseException e = failure("""
                response_format: json_schema
                schema: |
                  {
                    "type": "object",
                    "properties": {"a": {"type": "string"},}
                  }
                """);

        assertThat(e.line()).isEqualTo(8);
        assertThat(e).hasMessageStartingWith("s.prompt:8: the schema is not valid JSON: ")
                .hasMessageContaining("(the 'schema' of this prompt)");
    }

    @Test
    void duplicateKeysAndTrailingTextAreRefused() {
        assertThat(failure("response_format: json_schema\nschema: |\n  {\"type\": \"object\",\n   \"type\": \"array\"}\n"))
                .hasMessageStartingWith("s.prompt:7: the schema is not valid JSON: ").hasMessageContaining("type");
        assertThat(failure("response_format: json_schema\nschema: '{\"type\": \"object\"} {}'\n"))
                .hasMessageStartingWith("s.prompt:5: the schema is not valid JSON: ");
    }

    @Test
    void aSchemaThatIsNotAValidJsonSchemaIsReportedWithAPointer() {
        assertThat(failure("response_format: json_schema\nschema: '{\"type\": \"obj\"}'\n")).hasMessage("s.prompt:5: "
                + "the schema is not a valid draft 2020-12 JSON Schema: '/type': does not have a value in the "
                + "enumeration [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]; "
                + "string found, array expected (the 'schema' of this prompt)");
        assertThat(failure("response_format: json_schema\nschema: '{\"properties\": {\"a/b\": {\"items\": 3}}}'\n"))
                .hasMessageContaining("'/properties/a~1b/items': integer found, [object, boolean] expected");
        assertThat(failure("response_format: json_schema\nschema: '{\"required\": \"a\"}'\n"))
                .hasMessageContaining("'/required': string found, array expected");
        assertThat(failure("response_format: json_schema\nschema: '{\"anyOf\": []}'\n"))
                .hasMessageContaining("'/anyOf': must have at least 1 items but found 0");
        assertThat(failure("response_format: json_schema\nschema: '\"object\"'\n"))
                .hasMessageContaining("the schema must be a JSON object, but is a string");
    }

    @Test
    void theSchemaKeysAreCheckedTogether() {
        assertThat(failure("response_format: json_schema\n")).hasMessageStartingWith("s.prompt:4: response_format "
                + "json_schema needs the schema: inline as 'schema: |'");
        assertThat(failure("response_format: json_schema\nschema: '{}'\nschema_file: a.json\n"))
                .hasMessage("s.prompt:6: both 'schema' (line 5) and 'schema_file' (line 6) are given. Keep one of them");
        assertThat(failure("schema: '{}'\n")).hasMessage("s.prompt:4: 'schema' applies only to 'response_format: "
                + "json_schema', but the front matter sets no response_format. Add 'response_format: json_schema' or "
                + "remove 'schema'");
        assertThat(failure("response_format: json_schema\nschema: '{}'\nschema_name: has space\n"))
                .hasMessageStartingWith("s.prompt:6: schema_name 'has space' must be 1 to 64 letters");
        assertThat(failure("response_format: json_schema\nschema: '{}'\nstrict: yes\n"))
                .hasMessage("s.prompt:6: 'strict' must be true or false, was 'yes'");
        assertThat(failure("response_format: json_schema\nschema: '{}'\nstrict: \"true\"\n"))
                .hasMessageStartingWith("s.prompt:6: 'strict' must be true or false, written without quotes");
    }

    @Test
    void aSchemaFileNeedsAFolderAndARelativeName() throws IOException {
        assertThat(failure("response_format: json_schema\nschema_file: a.json\n")).hasMessageStartingWith("s.prompt:5: "
                + "cannot read schema_file: cannot read 'a.json': the prompt was parsed from text");
        Path prompt = write("answer.prompt", answerPrompt("/etc/answer.json"));
        assertThat(catchThrowableOfType(PromptParseException.class, () -> Prompt.read(prompt)))
                .hasMessageStartingWith(prompt + ":5: cannot read schema_file: '/etc/answer.json' is absolute");
    }

    @Test
    void theDefaultSchemaNameIsTheIdWithOtherCharactersReplacedAndCutTo64() {
        String id = "a.b-c_d" + "x".repeat(80);

        Prompt prompt = Prompt.parse("p", "---\nid: " + id + "\nversion: 1\nresponse_format: json_schema\nschema: '{}'\n---\nb\n");

        assertThat(((ResponseFormat.JsonSchema) prompt.responseFormat()).name()).isEqualTo(("a_b-c_d" + "x".repeat(80)).substring(0, 64));
    }

    static String answerPrompt(String schemaFile) {
        return """
                ---
                id: support.answer
                version: 2.0.0
                response_format: json_schema
                schema_file: %s
                ---
                [system]
                Answer with the JSON the schema describes.
                [user]
                {{question}}
                """.formatted(schemaFile);
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
