package dev.weft.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.weft.core.InvalidInputException;
import dev.weft.core.json.WeftJson;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Weft's JSON Schemas become LangChain4j schema elements without losing a keyword. */
class SchemaTranslationTest {

    static Stream<Integer> seeds() {
        return IntStream.range(0, 60).boxed();
    }

    /**
     * Round trip through LangChain4j's own lossless serialisation of a tool: whatever the schema (typed parts,
     * constrained parts that must stay raw, nesting, $defs and references), the parameters come back unchanged.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void toolParametersSurviveLangChain4jUnchanged(int seed) {
        Random random = new Random(seed);
        ObjectNode schema = object(random, 0);

        JsonObjectSchema parameters = SchemaTranslation.toolParameters(schema, "tool");
        String json = ToolSpecification.builder().name("tool").parameters(parameters).build().toJson();

        assertThat(WeftJson.parse(json, "tool").get("parameters")).as("seed %d: %s", seed, schema).isEqualTo(schema);
    }

    @Test
    void typedElementsAreUsedWhereTheyAreExactAndRawOnlyWhereNeeded() {
        JsonObjectSchema parameters = SchemaTranslation.toolParameters(WeftJson.parse("""
                {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1}}}""", "s"), "t");

        assertThat(parameters.properties().get("city")).isNotInstanceOf(JsonRawSchema.class);
        assertThat(parameters.properties().get("days")).isInstanceOf(JsonRawSchema.class);
    }

    @Test
    void annotationsAtTheTopAreDroppedAndAMissingObjectTypeIsImplied() {
        JsonObjectSchema parameters = SchemaTranslation.toolParameters(WeftJson.parse("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Args",
                 "properties":{"q":{"type":"string"}},"required":["q"]}""", "s"), "search");

        assertThat(parameters.properties()).containsOnlyKeys("q");
        assertThat(parameters.required()).containsExactly("q");
    }

    @Test
    void constraintsAtTheTopOfToolParametersAreRefusedByName() {
        JsonNode schema = WeftJson.parse("{\"type\":\"object\",\"minProperties\":1,\"properties\":{}}", "s");

        assertThatThrownBy(() -> SchemaTranslation.toolParameters(schema, "lookup"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'lookup'").hasMessageContaining("minProperties");
    }

    @Test
    void aResponseFormatSchemaKeepsEveryKeyword() {
        JsonNode schema = WeftJson.parse("""
                {"type":"object","properties":{"when":{"type":"string","format":"date"}},"additionalProperties":false}""", "s");

        JsonSchemaElement element = SchemaTranslation.element(schema);

        assertThat(element).isInstanceOf(JsonObjectSchema.class);
        assertThat(((JsonObjectSchema) element).additionalProperties()).isFalse();
        assertThat(((JsonRawSchema) ((JsonObjectSchema) element).properties().get("when")).schema())
                .isEqualTo("{\"type\":\"string\",\"format\":\"date\"}");
    }

    // ---- generated schemas: typed where LangChain4j's elements are exact, with constraints mixed in at random ----

    private static JsonNode schema(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 6 : 10);
        ObjectNode node = WeftJson.mapper().createObjectNode();
        switch (kind) {
            case 0, 1, 2, 3 -> node.put("type", new String[] {"string", "integer", "number", "boolean"}[kind]);
            case 4 -> node.put("type", "null");
            case 5 -> {
                node.put("type", "string");
                ArrayNode values = node.putArray("enum");
                IntStream.range(0, 1 + random.nextInt(3)).forEach(i -> values.add("v" + random.nextInt(100)));
            }
            case 6, 7 -> {
                return object(random, depth + 1);
            }
            case 8 -> {
                node.put("type", "array");
                if (random.nextBoolean()) {
                    node.set("items", schema(random, depth + 1));
                }
            }
            default -> {
                ArrayNode anyOf = node.putArray("anyOf");
                anyOf.add(schema(random, depth + 1));
                anyOf.add(schema(random, depth + 1));
            }
        }
        if (kind != 4 && random.nextInt(3) == 0) {
            node.put("description", "described " + random.nextInt(1000));
        }
        if (random.nextInt(5) == 0) { // a constraint LangChain4j's typed elements cannot hold
            switch (random.nextInt(4)) {
                case 0 -> node.put("minimum", random.nextInt(10));
                case 1 -> node.put("format", "date-time");
                case 2 -> node.put("pattern", "^[a-z]+$");
                default -> node.put("x-note", 0.5);
            }
        }
        return node;
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = WeftJson.mapper().createObjectNode().put("type", "object");
        int properties = depth >= 3 ? 0 : random.nextInt(4);
        if (properties > 0) {
            ObjectNode props = node.putObject("properties");
            for (int i = 0; i < properties; i++) {
                props.set("p" + i, schema(random, depth + 1));
            }
            if (random.nextBoolean()) {
                node.putArray("required").add("p0");
            }
        }
        if (random.nextInt(4) == 0) {
            node.put("additionalProperties", random.nextBoolean());
        }
        if (depth == 0 && random.nextInt(4) == 0) {
            node.putObject("$defs").set("shared", WeftJson.mapper().createObjectNode().put("type", "string"));
            node.withObjectProperty("properties").putObject("ref").put("$ref", "#/$defs/shared");
        }
        if (random.nextInt(3) == 0) {
            node.put("description", "an object " + random.nextInt(1000));
        }
        if (depth > 0 && random.nextInt(6) == 0) {
            node.put("minProperties", 1);
        }
        return node;
    }
}
