package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;

/**
 * What the user said.
 *
 * @param text the user's words
 */
public record UserMessage(String text) implements Message {
    public UserMessage {
        Preconditions.notNull(text, "text");
    }
}
