package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.json.WeftJson;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated front matter: one malformed line among valid ones fails with a {@link PromptParseException} naming the
 * file and that line; generated texts written double- or single-quoted read back as written.
 */
class FrontMatterPropertyTest {

    /**
     * A kind of malformed line: the key it sets (kept out of the valid lines around it), the line, and a fragment
     * of the expected message.
     */
    record Fault(String key, String line, String says) {}

    private static final List<Fault> FAULTS = List.of(
            new Fault("model", "  model: gpt", "indented line"),
            new Fault("stop", "- END", "block list item"),
            new Fault("model", "model:gpt", "expected a space after 'model:'"),
            new Fault("model", "model:", "has no value"),
            new Fault("model", "model:   # nothing", "has no value"),
            new Fault("temprature", "temprature: 0.5", "unknown key 'temprature'"),
            new Fault("description", "description: \"unclosed", "is not closed"),
            new Fault("description", "description: 'unclosed", "is not closed"),
            new Fault("stop", "stop: [a, b", "is not closed with ']'"),
            new Fault("stop", "stop: [a, , b]", "empty item"),
            new Fault("stop", "stop: [a b c] d", "unexpected text after the value"),
            new Fault("stop", "stop: [a; b}", "expected ',' or ']'"),
            new Fault("description", "description: \"a\\qb\"", "unsupported escape '\\q'"),
            new Fault("description", "description: \"a\\u12\"", "four hex digits"),
            new Fault("description", "description: \"a\"b", "unexpected text after the value"),
            new Fault("description", "description: |-", "block scalar indicators such as '|-' are not supported"),
            new Fault("description", "description: >2", "block scalar indicators such as '>2' are not supported"),
            new Fault("description", "description: | text", "unexpected text after 'description: |'"),
            new Fault("description", "description: >text", "unexpected text after 'description: >'"),
            new Fault("stop", "stop: [a, |b]", "a list item cannot be a block scalar"),
            new Fault("strict", "strict: false", "'strict' applies only to 'response_format: json_schema'"),
            new Fault("schema_name", "schema_name: answer", "'schema_name' applies only to 'response_format: json_schema'"),
            new Fault("description", "description: Note: be brief", "nested map"),
            new Fault("model", "model: {name: gpt}", "flow maps"),
            new Fault("model", "model: &anchor gpt", "anchors, aliases and tags"),
            new Fault("model", "model: *alias", "anchors, aliases and tags"),
            new Fault("model", "model: @gpt", "cannot start with '@'"),
            new Fault("stop", "stop: - a", "block lists are not supported"),
            new Fault("model", "just some words", "expected 'key: value'"),
            new Fault("model", "\"model\": gpt", "expected 'key: value'"),
            new Fault("temperature", "temperature: warm", "'temperature' must be a number"),
            new Fault("temperature", "temperature: \"0.5\"", "written without quotes"),
            new Fault("temperature", "temperature: [0.5]", "not a list"),
            new Fault("temperature", "temperature: -1", "temperature must be >= 0"),
            new Fault("temperature", "temperature: 0x1p3", "must be a number"),
            new Fault("top_p", "top_p: 1.5", "topP must be in (0, 1]"),
            new Fault("max_tokens", "max_tokens: 1.5", "must be a whole number"),
            new Fault("max_tokens", "max_tokens: 0", "maxTokens must be >= 1"),
            new Fault("max_tokens", "max_tokens: 99999999999", "out of range"),
            new Fault("seed", "seed: 99999999999999999999", "out of range"),
            new Fault("stop", "stop: [\"\"]", "stop sequences must not be empty"),
            new Fault("response_format", "response_format: xml", "must be 'text', 'json' or 'json_schema'"),
            new Fault("version", "version: 01.2", "is not a prompt version"),
            new Fault("version", "version: 1.2+build", "is not a prompt version"),
            new Fault("id", "id: -starts-with-dash", "must start with a letter or digit"),
            new Fault("id", "id: has space", "must start with a letter or digit"),
            new Fault("description", "description: [a, b]", "takes one value, not a list"),
            new Fault("variables", "variables: [ok, 9bad]", "variable name '9bad'"),
            new Fault("variables", "variables: [a, a]", "declared twice"),
            new Fault("x-owner", "x-owner: [a]", "takes one value"));

    /** Valid lines, by key, to surround the fault with. */
    private static final Map<String, String> VALID = Map.of(
            "description", "description: \"Says hello\"  # a comment",
            "model", "model: openai:gpt-4o-mini?baseUrl=http://localhost:8080",
            "temperature", "temperature: 0.2",
            "top_p", "top_p: .9",
            "max_tokens", "max_tokens: 256",
            "seed", "seed: -42",
            "stop", "stop: [\"###\", 'it''s', END]",
            "response_format", "response_format: json",
            "x-owner", "x-owner: team support");

    /** A file with the fault on {@code line}, and the fault. */
    record Case(String file, int line, Fault fault) {}

    static Stream<Arguments> malformed() {
        return Generated.cases(FAULTS.size() * 4, FrontMatterPropertyTest::malformedFile);
    }

    static Case malformedFile(Random random) {
        Fault fault = random.oneOf(FAULTS);
        List<String> lines = new ArrayList<>();
        if (!fault.key().equals("id")) {
            lines.add("id: greeting");
        }
        if (!fault.key().equals("version")) {
            lines.add(random.oneOf("version: 1.0.0", "version: 2", "version: 3.1"));
        }
        for (Map.Entry<String, String> e : VALID.entrySet()) {
            if (!e.getKey().equals(fault.key()) && random.trueOrFalse()) {
                lines.add(random.intRange(0, lines.size()), e.getValue());
            }
        }
        for (int i = random.intRange(0, 3); i > 0; i--) {
            lines.add(random.intRange(0, lines.size()), random.oneOf("", "# comment", "   # indented comment", "\t"));
        }
        int at = random.intRange(0, lines.size());
        lines.add(at, fault.line());
        String file = "---\n" + String.join("\n", lines) + "\n---\nHello.\n";
        return new Case(file, at + 2, fault);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedLineIsReportedWithItsFileAndLine(Case c) {
        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.parse("gen/greeting.prompt", c.file()));

        assertThat(e).as("file:%n%s", c.file()).isNotNull();
        assertThat(e.line()).as("line of %s in%n%s", c.fault().line(), c.file()).isEqualTo(c.line());
        assertThat(e.source()).isEqualTo("gen/greeting.prompt");
        assertThat(e).hasMessageStartingWith("gen/greeting.prompt:" + c.line() + ": ").hasMessageContaining(c.fault().says());
    }

    static Stream<Arguments> texts() {
        return Generated.cases(100, random -> TemplateTexts.literal(random, 0, 40));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aDoubleQuotedTextWithJsonEscapesReadsBackAsWritten(String text) {
        String quoted = WeftJson.mapper().writeValueAsString(text);

        Prompt prompt = Prompt.parse("q.prompt", "---\nid: q\nversion: 1\ndescription: " + quoted + "  # trailing\n---\nbody\n");

        assertThat(prompt.description()).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aSingleQuotedTextReadsBackAsWritten(String text) {
        String oneLine = text.replace('\n', ' ');

        Prompt prompt = Prompt.parse("q.prompt", "---\nid: q\nversion: 1\ndescription: '" + oneLine.replace("'", "''") + "'\n---\nbody\n");

        assertThat(prompt.description()).isEqualTo(oneLine);
    }
}
