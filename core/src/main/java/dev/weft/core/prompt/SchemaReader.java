package dev.weft.core.prompt;

import dev.weft.core.json.WeftJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON Schema of a {@code response_format: json_schema} prompt, written inline ({@code schema}) or in a
 * file ({@code schema_file}), with Jackson, refusing duplicate keys and trailing text, then validates it against its
 * meta-schema and resolves its references with {@link SchemaCheck}. Errors are {@link PromptParseException}s naming the file and, where JSON parsing knows it, the
 * line. Stateless.
 */
final class SchemaReader {
    private static final JsonMapper STRICT = WeftJson.mapper().rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SchemaReader() {}

    /**
     * Where a schema's text was written, for error messages.
     *
     * @param source the file holding the text
     * @param firstLine the file's line number of the text's first line, or 0 when the text's lines do not map to the
     *     file's (a folded or quoted value); then errors name {@code line}
     * @param line the line to name when no better one is known (the key's line; 0 for a whole schema file)
     * @param where appended to every message to say whose schema it is, such as {@code " (schema_file of a.prompt:4)"}
     */
    record Origin(String source, int firstLine, int line, String where) {}

    /**
     * The schema {@code json} describes.
     *
     * @throws PromptParseException when it is not JSON, not an object, or not a valid JSON Schema
     */
    static JsonNode read(String json, Origin origin) {
        JsonNode schema;
        try {
            schema = STRICT.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = origin.firstLine() > 0 && at != null && at.getLineNr() > 0
                    ? origin.firstLine() + at.getLineNr() - 1 : origin.line();
            throw new PromptParseException(origin.source(), line, "the schema is not valid JSON: "
                    + e.getOriginalMessage() + origin.where() + ". Fix the JSON, or check it with a JSON linter");
        }
        if (schema == null || schema.isMissingNode()) {
            throw new PromptParseException(origin.source(), origin.line(), "the schema is empty" + origin.where()
                    + ". Write a JSON Schema object such as {\"type\": \"object\", \"properties\": {...}}");
        }
        if (!schema.isObject()) {
            throw new PromptParseException(origin.source(), origin.line(), "the schema must be a JSON object, but is "
                    + kind(schema) + origin.where() + ". Write a JSON Schema object such as {\"type\": \"object\", ...}");
        }
        String fault = SchemaCheck.fault(schema);
        if (fault != null) {
            throw new PromptParseException(origin.source(), origin.line(), fault + origin.where());
        }
        return schema;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "an object";
        };
    }
}
