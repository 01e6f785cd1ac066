package dev.weft.core.prompt;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A structural check of a JSON Schema, for mistakes a provider would reject or silently ignore: the keywords that
 * hold schemas, lists or names must hold them, and {@code type} must name JSON Schema types. It walks every
 * sub-schema it can reach through those keywords; unknown keywords are left alone. This is not a full meta-schema
 * validation (core has no JSON Schema validator). Stateless.
 */
final class SchemaShape {
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "null");
    private static final Set<String> SCHEMA = Set.of("items", "additionalProperties", "not", "contains", "propertyNames",
            "additionalItems", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "definitions", "patternProperties",
            "dependentSchemas");
    private static final Set<String> SCHEMA_LISTS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");

    private SchemaShape() {}

    /** What is wrong with {@code schema}, with a JSON pointer to it; null when nothing is. */
    static String fault(JsonNode schema) {
        return schema(schema, "");
    }

    private static String schema(JsonNode node, String pointer) {
        if (node.isBoolean()) {
            return null;
        }
        if (!node.isObject()) {
            return at(pointer) + " must be a schema (an object or true/false), but is " + SchemaReader.kind(node);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String here = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            String fault = null;
            if (key.equals("type")) {
                fault = type(value, here);
            } else if (key.equals("required")) {
                fault = names(value, here);
            } else if (key.equals("enum")) {
                fault = value.isArray() ? null : at(here) + " must be an array of the allowed values";
            } else if (key.equals("items") && value.isArray() || SCHEMA_LISTS.contains(key)) {
                fault = schemaList(value, here);
            } else if (SCHEMA.contains(key)) {
                fault = schema(value, here);
            } else if (SCHEMA_MAPS.contains(key)) {
                fault = schemaMap(value, here);
            }
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    private static String type(JsonNode value, String pointer) {
        if (value.isString()) {
            return TYPES.contains(value.asString()) ? null : at(pointer) + " must be one of " + String.join(", ",
                    TYPES.stream().sorted().toList()) + ", but is \"" + value.asString() + "\"";
        }
        if (value.isArray() && !value.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (JsonNode item : value) {
                String fault = type(item, pointer);
                if (fault != null) {
                    return fault;
                }
                if (!seen.add(item.asString())) {
                    return at(pointer) + " names \"" + item.asString() + "\" twice";
                }
            }
            return null;
        }
        return at(pointer) + " must be a type name such as \"object\", or a non-empty array of them, but is "
                + SchemaReader.kind(value);
    }

    private static String names(JsonNode value, String pointer) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    return at(pointer) + " must hold property names (strings), but holds " + SchemaReader.kind(item);
                }
            }
            return null;
        }
        return at(pointer) + " must be an array of property names, but is " + SchemaReader.kind(value);
    }

    private static String schemaList(JsonNode value, String pointer) {
        if (!value.isArray() || value.isEmpty()) {
            return at(pointer) + " must be a non-empty array of schemas";
        }
        for (int i = 0; i < value.size(); i++) {
            String fault = schema(value.get(i), pointer + "/" + i);
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    private static String schemaMap(JsonNode value, String pointer) {
        if (!value.isObject()) {
            return at(pointer) + " must be an object whose values are schemas, but is " + SchemaReader.kind(value);
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String fault = schema(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "the schema" : "'" + pointer + "'";
    }
}
