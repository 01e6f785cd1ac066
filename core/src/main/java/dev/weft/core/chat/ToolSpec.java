package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import dev.weft.core.json.WeftJson;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A tool the model may call: its name, what it does, and the JSON Schema of its parameters.
 *
 * <pre>{@code
 * ToolSpec weather = ToolSpec.of("get_weather", "Current weather for a city", """
 *     {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
 * }</pre>
 *
 * @param name 1–64 characters of {@code a-z A-Z 0-9 _ -}, the form every major provider accepts
 * @param description what the tool does, for the model to decide when to call it
 * @param parameters a JSON Schema object describing the arguments
 */
public record ToolSpec(String name, String description, JsonNode parameters) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ToolSpec {
        Preconditions.check(name != null && NAME.matcher(name).matches(),
                "tool name '" + name + "' must be 1-64 characters of a-z, A-Z, 0-9, '_' or '-'");
        description = description == null ? "" : description;
        Preconditions.check(parameters != null && parameters.isObject(),
                "tool '" + name + "' parameters must be a JSON Schema object");
    }

    /** A tool whose parameter schema is given as JSON text. */
    public static ToolSpec of(String name, String description, String parametersJsonSchema) {
        return new ToolSpec(name, description, WeftJson.parse(parametersJsonSchema, "parameters of tool '" + name + "'"));
    }
}
