package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@code .prompt} file's front matter means, the checks on it, and the content hash. */
class PromptFileTest {
    /** {@code sha256sum core/src/test/resources/prompts/registry/greeting.prompt}, computed outside Java. */
    static final String GREETING_SHA256 = "5d78cf6b442db84864bd8c634475c969060566ad8dbbe26b0fbc7f6929fe484d";

    static byte[] resource(String name) {
        try (InputStream in = PromptFileTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyKeyHasItsMeaning() {
        Prompt p = Prompt.parse("full.prompt", """
                ---
                # comments and blank lines are allowed

                id: support.answer
                version: 2.0.0-rc.1
                description: 'It''s the answer'
                model: openai:gpt-4o-mini?baseUrl=http://localhost:8080   # a reference
                temperature: 0.2
                top_p: .95
                top_k: 40
                max_tokens: 300
                seed: -7
                stop: ["\\n\\n", 'END', stop here]
                repetition_penalty: 1.1e0
                response_format: json
                variables: [question, product]
                x-owner: support team
                x-ticket: "WEFT-5"
                ---
                [system]
                About {{product}}.
                [user]
                {{question}}
                """);

        assertThat(p.id()).isEqualTo("support.answer");
        assertThat(p.version()).hasToString("2.0.0-rc.1");
        assertThat(p.description()).isEqualTo("It's the answer");
        assertThat(p.model()).contains("openai:gpt-4o-mini?baseUrl=http://localhost:8080");
        assertThat(p.sampling()).isEqualTo(Sampling.builder().temperature(0.2).topP(0.95).topK(40).maxTokens(300).seed(-7L)
                .stop("\n\n", "END", "stop here").repetitionPenalty(1.1).build());
        assertThat(p.responseFormat()).isEqualTo(ResponseFormat.JSON);
        assertThat(p.variables()).containsExactly("question", "product");
        assertThat(p.metadata()).containsExactly(Map.entry("x-owner", "support team"), Map.entry("x-ticket", "WEFT-5"));
        assertThat(p.source()).isEqualTo("full.prompt");
    }

    @Test
    void defaultsWhenTheFrontMatterIsMinimal() {
        Prompt p = Prompt.parse("min.prompt", "---\nid: m\nversion: 1\n---\nHi {{who}}, {{what}} and {{who}}.\n");

        assertThat(p.description()).isEmpty();
        assertThat(p.model()).isEmpty();
        assertThat(p.sampling()).isEqualTo(Sampling.DEFAULTS);
        assertThat(p.responseFormat()).isEqualTo(ResponseFormat.TEXT);
        assertThat(p.variables()).as("order of first use").containsExactly("who", "what");
        assertThat(p.metadata()).isEmpty();
    }

    @Test
    void aSingleStopTextIsAListOfOne() {
        assertThat(Prompt.parse("s", "---\nid: s\nversion: 1\nstop: \"###\"\n---\nx\n").sampling().stop()).containsExactly("###");
    }

    @Test
    void aRepeatedKeyNamesBothLines() {
        PromptParseException e = parseFails("---\nid: a\nversion: 1\nid: b\n---\nx\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessage("p.prompt:4: key 'id' appears twice, first on line 2. Keep one of them");
    }

    @Test
    void idAndVersionAreRequired() {
        PromptParseException noId = parseFails("---\nversion: 1\n---\nx\n");
        assertThat(noId).hasMessageContaining("has no 'id'");
        assertThat(noId.line()).isEqualTo(1);
        assertThat(parseFails("---\nid: a\n---\nx\n")).hasMessageContaining("has no 'version'");
    }

    @Test
    void theFileMustOpenAndCloseItsFrontMatter() {
        assertThat(parseFails("id: a\n---\nx\n")).hasMessageStartingWith("p.prompt:1: a .prompt file starts with a '---' line");
        assertThat(parseFails("")).hasMessageStartingWith("p.prompt:1: ");
        PromptParseException unclosed = parseFails("---\nid: a\nversion: 1\nhello\n");
        assertThat(unclosed.line()).isEqualTo(5);
        assertThat(unclosed).hasMessageContaining("never closed");
    }

    @Test
    void aDeclaredVariableTheBodyDoesNotUseIsAnError() {
        PromptParseException e = parseFails("---\nid: a\nversion: 1\nvariables: [name, nmae]\n---\nHi {{name}}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessageContaining("variable 'nmae' is declared but the body never uses it");
    }

    @Test
    void aUsedVariableThatIsNotDeclaredIsAnErrorOnTheLineWhereItIsUsed() {
        PromptParseException e = parseFails("---\nid: a\nversion: 1\nvariables: [name]\n---\n[system]\nok {{name}}\n[user]\n\nHi {{nmae}}\n");

        assertThat(e.line()).isEqualTo(10);
        assertThat(e).hasMessageContaining("the body uses {{nmae}} but 'variables' (line 4) does not declare it");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "---\nid: a\nversion: 1\n---\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.parse("latin1.prompt", latin1));

        assertThat(e.line()).isZero();
        assertThat(e).hasMessage("latin1.prompt: the file is not valid UTF-8. Save it as UTF-8");
    }

    @Test
    void theHashIsTheSha256OfTheFile() {
        Prompt p = Prompt.parse("greeting.prompt", resource("prompts/registry/greeting.prompt"));

        assertThat(p.hash()).isEqualTo(GREETING_SHA256);
        assertThat(p).hasToString("greeting@1 (greeting.prompt, sha256 5d78cf6b442d)");
    }

    @Test
    void theHashIgnoresLineEndingsAndAByteOrderMarkButNothingElse() {
        String text = new String(resource("prompts/registry/greeting.prompt"), StandardCharsets.UTF_8);

        assertThat(Prompt.parse("crlf", text.replace("\n", "\r\n")).hash()).isEqualTo(GREETING_SHA256);
        assertThat(Prompt.parse("cr", text.replace("\n", "\r")).hash()).isEqualTo(GREETING_SHA256);
        assertThat(Prompt.parse("bom", "\uFEFF" + text).hash()).isEqualTo(GREETING_SHA256);
        assertThat(Prompt.parse("edited", text.replace("hello", "Hello")).hash()).isNotEqualTo(GREETING_SHA256);
        assertThat(Prompt.parse("trailing", text + "\n").hash()).isNotEqualTo(GREETING_SHA256);
    }

    @Test
    void readParsesAFileNamedByItsPath(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("greeting.prompt"), resource("prompts/registry/greeting.prompt"));

        Prompt p = Prompt.read(file);

        assertThat(p.source()).isEqualTo(file.toString());
        assertThat(p.hash()).isEqualTo(GREETING_SHA256);
        PromptLoadException missing = catchThrowableOfType(PromptLoadException.class, () -> Prompt.read(dir.resolve("missing.prompt")));
        assertThat(missing).hasMessageContaining("cannot read prompt file");
        assertThat(missing.source()).isEqualTo(dir.resolve("missing.prompt").toString());
    }

    @Test
    void accessorsCannotBeUsedToChangeAPrompt() {
        Prompt p = Prompt.parse("p", "---\nid: p\nversion: 1\nx-a: b\n---\n{{v}}\n");

        assertThatThrownBy(() -> p.variables().add("w")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.metadata().put("x-c", "d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.messages(Map.of("v", "1")).add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(p.variables())).containsExactly("v");
    }

    private static PromptParseException parseFails(String text) {
        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.parse("p.prompt", text));
        assertThat(e).as("parsing should fail:%n%s", text).isNotNull();
        return e;
    }
}
