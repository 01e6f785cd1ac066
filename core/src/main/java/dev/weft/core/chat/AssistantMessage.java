package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import java.util.List;

/**
 * What the model answered: text, tool calls, or both.
 *
 * @param text the answer's text; empty when the model only called tools
 * @param toolCalls the tools the model asked to call, in order; empty when none
 */
public record AssistantMessage(String text, List<ToolCall> toolCalls) implements Message {
    public AssistantMessage {
        text = text == null ? "" : text;
        toolCalls = Preconditions.immutableList(toolCalls, "toolCalls");
    }

    /** A text-only answer. */
    public static AssistantMessage of(String text) {
        return new AssistantMessage(text, List.of());
    }

    /** Whether the model asked for at least one tool call. */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
