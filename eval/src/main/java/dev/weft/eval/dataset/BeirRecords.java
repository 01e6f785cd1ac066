package dev.weft.eval.dataset;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns the JSON objects of {@code corpus.jsonl} and {@code queries.jsonl} into records, checking each field. */
final class BeirRecords {
    private BeirRecords() {}

    static BeirDocument document(JsonlReader.Line line) {
        JsonNode node = line.object();
        LineLocation at = line.location();
        return new BeirDocument(id(node, at), optionalString(node, "title", at), requiredString(node, "text", at),
                metadata(node, at));
    }

    static BeirQuery query(JsonlReader.Line line) {
        JsonNode node = line.object();
        LineLocation at = line.location();
        return new BeirQuery(id(node, at), requiredString(node, "text", at), metadata(node, at));
    }

    /** The {@code _id}: a non-blank string, or a whole number taken as its decimal text. */
    private static String id(JsonNode node, LineLocation at) {
        JsonNode id = node.get("_id");
        if (id == null || id.isNull()) {
            throw at.error("has no \"_id\"; every line needs a string \"_id\"");
        }
        if (id.isIntegralNumber()) {
            return id.asString();
        }
        if (!id.isString() || id.stringValue().isBlank()) {
            throw at.error("\"_id\" must be a non-blank string, was " + id);
        }
        return id.stringValue();
    }

    private static String requiredString(JsonNode node, String field, LineLocation at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw at.error("has no \"" + field + "\"; every line needs a string \"" + field + "\" (it may be empty)");
        }
        if (!value.isString()) {
            throw at.error("\"" + field + "\" must be a string, was " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.stringValue();
    }

    private static String optionalString(JsonNode node, String field, LineLocation at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw at.error("\"" + field + "\" must be a string when present, was " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.stringValue();
    }

    /**
     * The {@code metadata} object as {@link Metadata}: strings, booleans and numbers keep their type (whole
     * numbers beyond a {@code long}, and numbers beyond a {@code double}, become their JSON text); arrays and
     * objects become their compact JSON text; null values are left out.
     */
    private static Metadata metadata(JsonNode node, LineLocation at) {
        JsonNode metadata = node.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Metadata.EMPTY;
        }
        if (!metadata.isObject()) {
            throw at.error("\"metadata\" must be a JSON object when present, was " + metadata.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            Object value = scalar(entry.getValue());
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        }
        try {
            return Metadata.of(values);
        } catch (InvalidInputException e) {
            throw at.error("\"metadata\" is not usable: " + e.getMessage(), e);
        }
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.toString();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? (Object) d : value.toString();
        }
        return value.toString();
    }
}
