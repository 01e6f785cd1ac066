package dev.weft.core.chat;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.json.WeftJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A model's request to call a tool.
 *
 * @param id the provider's id for the call, echoed back in {@link ToolResultMessage#toolCallId()}
 * @param name the tool's name, as in its {@link ToolSpec}
 * @param arguments the arguments as the model wrote them: a JSON object in text form, not yet validated
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Preconditions.notBlank(id, "id");
        Preconditions.notBlank(name, "name");
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }

    /**
     * The arguments parsed as JSON.
     *
     * @throws InvalidModelResponseException if the model wrote something that is not JSON
     */
    public JsonNode argumentsJson() {
        try {
            return WeftJson.mapper().readTree(arguments);
        } catch (JacksonException e) {
            throw new InvalidModelResponseException("Tool call '" + name + "' (" + id + ") has arguments that are not valid JSON",
                    arguments, e);
        }
    }
}
