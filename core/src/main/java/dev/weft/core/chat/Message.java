package dev.weft.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One turn of a conversation. The set is closed: {@link SystemMessage}, {@link UserMessage},
 * {@link AssistantMessage} and {@link ToolResultMessage}; switch over it exhaustively. In JSON the kind is the
 * {@code role} property ({@code system}, {@code user}, {@code assistant}, {@code tool}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "role")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SystemMessage.class, name = "system"),
    @JsonSubTypes.Type(value = UserMessage.class, name = "user"),
    @JsonSubTypes.Type(value = AssistantMessage.class, name = "assistant"),
    @JsonSubTypes.Type(value = ToolResultMessage.class, name = "tool")
})
public sealed interface Message permits SystemMessage, UserMessage, AssistantMessage, ToolResultMessage {

    /** A system message. */
    static SystemMessage system(String text) {
        return new SystemMessage(text);
    }

    /** A user message. */
    static UserMessage user(String text) {
        return new UserMessage(text);
    }

    /** An assistant message holding only text. */
    static AssistantMessage assistant(String text) {
        return AssistantMessage.of(text);
    }
}
