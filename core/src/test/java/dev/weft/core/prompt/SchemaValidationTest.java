package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.json.WeftJson;
import dev.weft.testing.Generated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas are validated against their meta-schema, and their references resolved, when a prompt is loaded:
 * each kind of invalid schema is a {@link PromptParseException} naming the file, the line and the JSON pointer of the
 * bad node; valid 2020-12 and draft-07 schemas load unchanged.
 */
class SchemaValidationTest {
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "null");

    @TempDir
    Path temp;

    private static Prompt inline(String schemaJson) {
        return Prompt.parse("s.prompt", "---\nid: s\nversion: 1\nresponse_format: json_schema\nschema: |\n"
                + schemaJson.indent(2) + "---\nbody\n");
    }

    private static PromptParseException inlineFailure(String schemaJson) {
        return catchThrowableOfType(PromptParseException.class, () -> inline(schemaJson));
    }

    private static Arguments invalid(String kind, String schema, String... expected) {
        return Arguments.argumentSet(kind, schema, List.of(expected));
    }

    static Stream<Arguments> invalidSchemas() {
        return Stream.of(
                invalid("a misspelt type name", """
                        {"type": "object", "properties": {"n": {"type": "integr"}}}""",
                        "'/properties/n/type': does not have a value in the enumeration"),
                invalid("a type name twice", """
                        {"type": ["string", "string"]}""",
                        "'/type': ", "must have only unique items in the array"),
                invalid("required as a string", """
                        {"type": "object", "required": "name"}""",
                        "'/required': string found, array expected"),
                invalid("required holding a number", """
                        {"type": "object", "required": ["name", 3]}""",
                        "'/required/1': integer found, string expected"),
                invalid("enum that is not an array", """
                        {"enum": "red"}""",
                        "'/enum': string found, array expected"),
                invalid("a property that is not a schema", """
                        {"type": "object", "properties": {"n": 3}}""",
                        "'/properties/n': integer found, [object, boolean] expected"),
                invalid("an invalid pattern", """
                        {"type": "string", "pattern": "[a-"}""",
                        "'/pattern': does not match the regex pattern"),
                invalid("a $ref that is not a URI reference", """
                        {"properties": {"n": {"$ref": "http://[bad"}}}""",
                        "'/properties/n/$ref': does not match the uri-reference pattern"),
                invalid("a $ref to a missing definition", """
                        {"$defs": {"name": {"type": "string"}},
                         "properties": {"n": {"$ref": "#/$defs/nmae"}}}""",
                        "the schema's references do not resolve: '/properties/n/$ref': Reference /$defs/nmae cannot "
                                + "be resolved"),
                invalid("a $ref to a missing anchor", """
                        {"properties": {"n": {"items": {"$ref": "#item"}}}}""",
                        "'/properties/n/items/$ref': Reference item cannot be resolved"),
                invalid("a $ref to another document", """
                        {"properties": {"n": {"$ref": "address.schema.json"}}}""",
                        "'/properties/n/$ref': ", "other documents are not fetched"),
                invalid("a $schema Weft cannot validate", """
                        {"$schema": "https://example.com/my-dialect", "type": "object"}""",
                        "'/$schema' names \"https://example.com/my-dialect\", which is not a JSON Schema dialect",
                        "\"https://json-schema.org/draft/2020-12/schema\""),
                invalid("a $schema that is not a string", """
                        {"$schema": 7, "type": "object"}""",
                        "'/$schema' must be a string naming a meta-schema, but is a number"));
    }

    @ParameterizedTest
    @MethodSource("invalidSchemas")
    void anInvalidInlineSchemaIsRefusedOnTheSchemaKeysLineWithThePointerOfTheBadNode(String schema,
            List<String> expected) {
        PromptParseException e = inlineFailure(schema);

        assertThat(e).isNotNull();
        assertThat(e.source()).isEqualTo("s.prompt");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageStartingWith("s.prompt:5: ").hasMessageEndingWith("(the 'schema' of this prompt)");
        for (String part : expected) {
            assertThat(e).hasMessageContaining(part);
        }
    }

    /** A schema nested through properties with generated names, one bad type name at its deepest node. */
    record NestedBadType(String schema, String pointer, String badType) {}

    static Stream<Arguments> nestedBadTypes() {
        return Generated.cases(40, random -> {
            ObjectNode root = WeftJson.mapper().createObjectNode();
            ObjectNode node = root;
            StringBuilder pointer = new StringBuilder();
            for (int depth = random.intRange(1, 4); depth > 0; depth--) {
                String name = random.alphanumeric(random.intRange(0, 4)) + random.oneOf("", "/", "~", " ", "\"", "é")
                        + random.alphanumeric(random.intRange(1, 3));
                node.put("type", "object");
                node = node.putObject("properties").putObject(name);
                pointer.append("/properties/").append(name.replace("~", "~0").replace("/", "~1"));
            }
            String badType;
            do {
                badType = random.lowerCaseAlphabetic(random.intRange(1, 8));
            } while (TYPES.contains(badType));
            node.put("type", badType);
            return new NestedBadType(WeftJson.mapper().writeValueAsString(root), pointer + "/type", badType);
        });
    }

    @ParameterizedTest
    @MethodSource("nestedBadTypes")
    void aBadTypeNameAnywhereIsReportedAtItsPointer(NestedBadType c) {
        assertThat(inlineFailure(c.schema())).as(c.schema())
                .hasMessageStartingWith("s.prompt:5: the schema is not a valid draft 2020-12 JSON Schema: '"
                        + c.pointer() + "': does not have a value in the enumeration");
        String fixed = c.schema().replace("\"type\":\"" + c.badType() + "\"", "\"type\":\"string\"");
        assertThat(inline(fixed).responseFormat()).as(fixed).isInstanceOf(ResponseFormat.JsonSchema.class);
    }

    @Test
    void anInvalidSchemaFileIsNamedWithThePointerAndThePromptThatUsesIt() throws IOException {
        Path prompt = write("answer.prompt", """
                ---
                id: answer
                version: 1
                response_format: json_schema
                schema_file: answer.schema.json
                ---
                body
                """);
        Path schema = write("answer.schema.json", """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "type": "object",
                  "properties": {"answer": {"type": "text"}}
                }
                """);

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.read(prompt));

        assertThat(e.source()).isEqualTo(schema.toString());
        assertThat(e.line()).isZero();
        assertThat(e).hasMessageStartingWith(schema + ": the schema is not a valid draft-07 JSON Schema: "
                        + "'/properties/answer/type': does not have a value in the enumeration")
                .hasMessageEndingWith("(the schema_file of " + prompt + ":5)");
    }

    @Test
    void aValid2020_12SchemaWithDefsAndRefsLoadsUnchanged() {
        String schema = """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "type": "object",
                  "$defs": {
                    "step": {
                      "type": "object",
                      "properties": {
                        "explanation": {"type": "string"},
                        "substeps": {"type": "array", "items": {"$ref": "#/$defs/step"}}
                      },
                      "required": ["explanation", "substeps"],
                      "additionalProperties": false
                    },
                    "code": {"$anchor": "code", "type": "string", "pattern": "^[A-Z]{3}-\\\\d+$"}
                  },
                  "properties": {
                    "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
                    "ticket": {"$ref": "#code"},
                    "answer": {"anyOf": [{"type": "string"}, {"type": "null"}]}
                  },
                  "required": ["steps", "ticket", "answer"],
                  "additionalProperties": false
                }
                """;

        Prompt prompt = inline(schema);

        assertThat(prompt.responseFormat()).isInstanceOfSatisfying(ResponseFormat.JsonSchema.class, format ->
                assertThat(format.schema().at("/$defs/step/properties/substeps/items/$ref").asString())
                        .isEqualTo("#/$defs/step"));
    }

    @Test
    void aDraft07SchemaDeclaredBySchemaIsValidatedAsDraft07() {
        String draft07 = """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "definitions": {"name": {"type": "string", "minLength": 1}},
                  "type": "object",
                  "properties": {"name": {"$ref": "#/definitions/name"}},
                  "dependencies": {"name": ["id"]}
                }
                """;

        assertThat(inline(draft07).responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
        // draft-07 allows "items" to be an array of schemas; 2020-12 does not (it has prefixItems), so the declared
        // dialect decides.
        String tupleItems = "{\"type\": \"array\", \"items\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}";
        assertThat(inline("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
                + tupleItems.substring(1)).responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
        assertThat(inlineFailure(tupleItems)).hasMessageContaining("draft 2020-12")
                .hasMessageContaining("'/items': array found, [object, boolean] expected");
    }

    @Test
    void aDialectIdIsRecognisedWithOrWithoutItsEmptyFragment() {
        assertThat(inline("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema#\", \"type\": \"object\"}")
                .responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
        assertThat(inline("{\"$schema\": \"http://json-schema.org/draft-07/schema\", \"type\": \"object\"}")
                .responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }
}
