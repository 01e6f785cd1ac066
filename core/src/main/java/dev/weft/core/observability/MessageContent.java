package dev.weft.core.observability;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.json.WeftJson;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Message content in the JSON shapes of the GenAI conventions' {@code gen_ai.input.messages},
 * {@code gen_ai.output.messages} and {@code gen_ai.tool.definitions}: an array of {@code {role, parts}} messages whose
 * parts are {@code text}, {@code tool_call} (arguments as a JSON object when they parse as one) and
 * {@code tool_call_response}. Recorded as JSON strings, which the conventions allow on spans and which every tracing
 * backend can store. Only used when content capture is on.
 */
final class MessageContent {
    private MessageContent() {}

    /** The conversation sent to the model, in order. */
    static String input(List<Message> messages) {
        ArrayNode array = WeftJson.mapper().createArrayNode();
        for (Message message : messages) {
            switch (message) {
                case SystemMessage m -> text(message(array, "system"), m.text());
                case UserMessage m -> text(message(array, "user"), m.text());
                case AssistantMessage m -> assistant(message(array, "assistant"), m);
                case ToolResultMessage m -> message(array, "tool").addObject()
                        .put("type", "tool_call_response")
                        .put("id", m.toolCallId())
                        .set("response", jsonOrText(m.content()));
            }
        }
        return WeftJson.mapper().writeValueAsString(array);
    }

    /** The model's answer as the one output message, with its finish reason. */
    static String output(ChatResponse response) {
        ArrayNode array = WeftJson.mapper().createArrayNode();
        ObjectNode message = array.addObject();
        message.put("role", "assistant");
        assistant(message.putArray("parts"), response.message());
        message.put("finish_reason", GenAiConventions.finishReason(response.finishReason()));
        return WeftJson.mapper().writeValueAsString(array);
    }

    /** The tools offered, by type and name only: the conventions advise against the rest unless asked for. */
    static String toolDefinitions(List<ToolSpec> tools) {
        ArrayNode array = WeftJson.mapper().createArrayNode();
        for (ToolSpec tool : tools) {
            array.addObject().put("type", "function").put("name", tool.name());
        }
        return WeftJson.mapper().writeValueAsString(array);
    }

    /** Appends a message with {@code role} and returns its (empty) parts. */
    private static ArrayNode message(ArrayNode messages, String role) {
        ObjectNode message = messages.addObject();
        message.put("role", role);
        return message.putArray("parts");
    }

    private static void text(ArrayNode parts, String text) {
        parts.addObject().put("type", "text").put("content", text);
    }

    private static void assistant(ArrayNode parts, AssistantMessage message) {
        if (!message.text().isEmpty() || !message.hasToolCalls()) {
            text(parts, message.text());
        }
        for (ToolCall call : message.toolCalls()) {
            parts.addObject()
                    .put("type", "tool_call")
                    .put("id", call.id())
                    .put("name", call.name())
                    .set("arguments", jsonOrText(call.arguments()));
        }
    }

    /** {@code text} parsed when it is a JSON object or array (the conventions prefer structure), else as a string. */
    private static JsonNode jsonOrText(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return WeftJson.mapper().readTree(trimmed);
            } catch (JacksonException e) {
                // not JSON after all: keep the text as it is
            }
        }
        return WeftJson.mapper().getNodeFactory().stringNode(text);
    }
}
