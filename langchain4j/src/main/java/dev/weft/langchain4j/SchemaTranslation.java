package dev.weft.langchain4j;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.weft.core.InvalidInputException;
import dev.weft.core.json.WeftJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a JSON Schema (as Weft holds it, a Jackson tree) into LangChain4j's {@link JsonSchemaElement} tree. Every
 * node that LangChain4j's typed elements can express exactly becomes one (so providers that only understand typed
 * elements get them); any other node, with everything beneath it, becomes a {@link JsonRawSchema} holding the
 * original JSON, so no keyword ({@code minimum}, {@code format}, {@code pattern}, {@code oneOf}…) is ever dropped.
 */
final class SchemaTranslation {
    private static final Set<String> SCALAR_KEYS = Set.of("type", "description");
    private static final Set<String> OBJECT_KEYS =
            Set.of("type", "description", "properties", "required", "additionalProperties", "$defs");
    private static final Set<String> ARRAY_KEYS = Set.of("type", "description", "items");
    private static final Set<String> ENUM_KEYS = Set.of("type", "description", "enum");
    private static final Set<String> ANY_OF_KEYS = Set.of("anyOf", "description");
    /** Keywords that only annotate a schema; dropped at the top of tool parameters, where LangChain4j needs an object. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title");
    private static final String DEFS_PREFIX = "#/$defs/";

    private SchemaTranslation() {}

    /**
     * The parameters of tool {@code toolName}: an object schema, as LangChain4j requires. Pure annotations at the
     * top ({@code $schema}, {@code $id}, {@code $comment}, {@code title}) are dropped and a missing
     * {@code "type": "object"} is implied.
     *
     * @throws InvalidInputException if the top level holds other keywords, which an object schema cannot carry
     */
    static JsonObjectSchema toolParameters(JsonNode schema, String toolName) {
        ObjectNode top = ((ObjectNode) schema).deepCopy();
        top.remove(ANNOTATIONS);
        if (!top.has("type")) {
            top.put("type", "object");
        }
        if (element(top) instanceof JsonObjectSchema object) {
            return object;
        }
        List<String> extra = new ArrayList<>(top.propertyNames());
        extra.removeAll(OBJECT_KEYS);
        throw new InvalidInputException("The parameters of tool '" + toolName + "' cannot be passed to LangChain4j: "
                + "its top level must be a plain object schema (type \"object\", description, properties, required, "
                + "boolean additionalProperties, $defs)"
                + (extra.isEmpty() ? ", but it is not (" + top.get("type") + ")" : ", but it also holds " + extra)
                + ". Move such constraints into the properties, where they are passed on unchanged.");
    }

    /** The element for {@code schema}: typed where that is exact, raw JSON otherwise. */
    static JsonSchemaElement element(JsonNode schema) {
        if (!schema.isObject()) {
            return raw(schema);
        }
        Collection<String> keys = schema.propertyNames();
        JsonNode description = schema.get("description");
        if (description != null && !description.isString()) {
            return raw(schema);
        }
        String text = description == null ? null : description.stringValue();
        if (keys.contains("$ref")) {
            return reference(schema, keys);
        }
        if (keys.contains("anyOf")) {
            return anyOf(schema, keys, text);
        }
        if (keys.contains("enum")) {
            return enumeration(schema, keys, text);
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isString()) {
            return raw(schema);
        }
        return switch (type.stringValue()) {
            case "string" -> only(keys, SCALAR_KEYS) ? JsonStringSchema.builder().description(text).build() : raw(schema);
            case "integer" -> only(keys, SCALAR_KEYS) ? JsonIntegerSchema.builder().description(text).build() : raw(schema);
            case "number" -> only(keys, SCALAR_KEYS) ? JsonNumberSchema.builder().description(text).build() : raw(schema);
            case "boolean" -> only(keys, SCALAR_KEYS) ? JsonBooleanSchema.builder().description(text).build() : raw(schema);
            case "null" -> only(keys, Set.of("type")) ? new JsonNullSchema() : raw(schema);
            case "array" -> array(schema, keys, text);
            case "object" -> object(schema, keys, text);
            default -> raw(schema);
        };
    }

    private static JsonSchemaElement reference(JsonNode schema, Collection<String> keys) {
        JsonNode ref = schema.get("$ref");
        if (keys.size() == 1 && ref.isString() && ref.stringValue().startsWith(DEFS_PREFIX)) {
            return JsonReferenceSchema.builder().reference(ref.stringValue().substring(DEFS_PREFIX.length())).build();
        }
        return raw(schema);
    }

    private static JsonSchemaElement anyOf(JsonNode schema, Collection<String> keys, String description) {
        JsonNode alternatives = schema.get("anyOf");
        if (!only(keys, ANY_OF_KEYS) || !alternatives.isArray() || !allObjects(alternatives.values())) {
            return raw(schema);
        }
        List<JsonSchemaElement> elements = alternatives.values().stream().map(SchemaTranslation::element).toList();
        return JsonAnyOfSchema.builder().description(description).anyOf(elements).build();
    }

    private static JsonSchemaElement enumeration(JsonNode schema, Collection<String> keys, String description) {
        JsonNode values = schema.get("enum");
        JsonNode type = schema.get("type");
        // LangChain4j's enum is always a string enum: match only schemas that say so, or the type would change.
        boolean stringEnum = type != null && type.isString() && "string".equals(type.stringValue());
        if (!only(keys, ENUM_KEYS) || !stringEnum || !values.isArray() || values.isEmpty()
                || !values.values().stream().allMatch(JsonNode::isString)) {
            return raw(schema);
        }
        return JsonEnumSchema.builder().description(description)
                .enumValues(values.values().stream().map(JsonNode::stringValue).toList()).build();
    }

    private static JsonSchemaElement array(JsonNode schema, Collection<String> keys, String description) {
        JsonNode items = schema.get("items");
        if (!only(keys, ARRAY_KEYS) || (items != null && !items.isObject())) {
            return raw(schema);
        }
        JsonArraySchema.Builder b = JsonArraySchema.builder().description(description);
        if (items != null) {
            b.items(element(items));
        }
        return b.build();
    }

    private static JsonSchemaElement object(JsonNode schema, Collection<String> keys, String description) {
        JsonNode properties = schema.get("properties");
        JsonNode required = schema.get("required");
        JsonNode additional = schema.get("additionalProperties");
        JsonNode defs = schema.get("$defs");
        boolean representable = only(keys, OBJECT_KEYS)
                && (properties == null || (properties.isObject() && allObjects(properties.values())))
                && (required == null || (required.isArray() && required.values().stream().allMatch(JsonNode::isString)))
                && (additional == null || additional.isBoolean())
                && (defs == null || (defs.isObject() && allObjects(defs.values())));
        if (!representable) {
            return raw(schema);
        }
        JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description);
        if (properties != null) {
            b.addProperties(elements(properties));
        }
        if (required != null) {
            b.required(required.values().stream().map(JsonNode::stringValue).toList());
        }
        if (additional != null) {
            b.additionalProperties(additional.booleanValue());
        }
        if (defs != null) {
            b.definitions(elements(defs));
        }
        return b.build();
    }

    private static Map<String, JsonSchemaElement> elements(JsonNode byName) {
        Map<String, JsonSchemaElement> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : byName.properties()) {
            out.put(e.getKey(), element(e.getValue()));
        }
        return out;
    }

    private static boolean only(Collection<String> keys, Set<String> allowed) {
        return allowed.containsAll(keys);
    }

    private static boolean allObjects(Collection<JsonNode> nodes) {
        return nodes.stream().allMatch(JsonNode::isObject);
    }

    private static JsonRawSchema raw(JsonNode schema) {
        return JsonRawSchema.from(WeftJson.mapper().writeValueAsString(schema));
    }
}
