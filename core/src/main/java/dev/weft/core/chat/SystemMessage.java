package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;

/**
 * Instructions that frame the conversation.
 *
 * @param text the instructions
 */
public record SystemMessage(String text) implements Message {
    public SystemMessage {
        Preconditions.notNull(text, "text");
    }
}
