package dev.weft.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.json.WeftJson;
import tools.jackson.databind.JsonNode;

/** The shape the answer must take: free {@link Text}, any {@link Json}, or JSON matching a {@link JsonSchema}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ResponseFormat.Text.class, name = "text"),
    @JsonSubTypes.Type(value = ResponseFormat.Json.class, name = "json"),
    @JsonSubTypes.Type(value = ResponseFormat.JsonSchema.class, name = "json_schema")
})
public sealed interface ResponseFormat {
    /** Free text, the default. */
    ResponseFormat TEXT = new Text();
    /** Any syntactically valid JSON. */
    ResponseFormat JSON = new Json();

    /** JSON matching {@code schema} (given as JSON text), strictly. */
    static ResponseFormat jsonSchema(String name, String schema) {
        return new JsonSchema(name, WeftJson.parse(schema, "response format schema '" + name + "'"), true);
    }

    /** Free text. */
    record Text() implements ResponseFormat {}

    /** Any syntactically valid JSON. */
    record Json() implements ResponseFormat {}

    /**
     * JSON matching a schema.
     *
     * @param name a name for the schema (providers require one)
     * @param schema the JSON Schema
     * @param strict whether the provider must enforce the schema exactly
     */
    record JsonSchema(String name, JsonNode schema, boolean strict) implements ResponseFormat {
        public JsonSchema {
            Preconditions.notBlank(name, "name");
            Preconditions.check(schema != null && schema.isObject(), "schema '" + name + "' must be a JSON object");
        }
    }
}
