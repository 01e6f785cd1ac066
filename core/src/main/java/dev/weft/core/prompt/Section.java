package dev.weft.core.prompt;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.UserMessage;
import java.util.Map;

/**
 * One message of a prompt's body: a role and its template. Immutable.
 *
 * @param role who speaks
 * @param template the text
 * @param line the file line where the section's marker (or, without markers, the body) starts
 */
record Section(Role role, Template template, int line) {

    /** The roles a body section can take; the marker is {@code [system]}, {@code [user]} or {@code [assistant]}. */
    enum Role {
        SYSTEM, USER, ASSISTANT;

        /** The role whose marker {@code line} is, or null when it is not a marker. */
        static Role ofMarker(String line) {
            return switch (line.stripTrailing()) {
                case "[system]" -> SYSTEM;
                case "[user]" -> USER;
                case "[assistant]" -> ASSISTANT;
                default -> null;
            };
        }
    }

    /** The message this section renders to with {@code values}. */
    Message render(Map<String, String> values) {
        String text = template.render(values);
        return switch (role) {
            case SYSTEM -> new SystemMessage(text);
            case USER -> new UserMessage(text);
            case ASSISTANT -> AssistantMessage.of(text);
        };
    }
}
