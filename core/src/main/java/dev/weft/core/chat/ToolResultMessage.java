package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;

/**
 * The result of a tool call, sent back to the model.
 *
 * @param toolCallId the {@link ToolCall#id()} this answers
 * @param toolName the tool's name
 * @param content the result, usually JSON or plain text
 * @param error whether the tool failed (the content then describes the failure)
 */
public record ToolResultMessage(String toolCallId, String toolName, String content, boolean error) implements Message {
    public ToolResultMessage {
        Preconditions.notBlank(toolCallId, "toolCallId");
        Preconditions.notBlank(toolName, "toolName");
        Preconditions.notNull(content, "content");
    }

    /** A successful result for {@code call}. */
    public static ToolResultMessage of(ToolCall call, String content) {
        return new ToolResultMessage(call.id(), call.name(), content, false);
    }
}
