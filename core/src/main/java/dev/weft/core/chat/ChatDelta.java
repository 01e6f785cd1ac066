package dev.weft.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.weft.core.internal.Preconditions;

/** One increment of a streamed answer: a piece of {@link Text}, or a piece of a {@link ToolCallChunk}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChatDelta.Text.class, name = "text"),
    @JsonSubTypes.Type(value = ChatDelta.ToolCallChunk.class, name = "tool_call_chunk")
})
public sealed interface ChatDelta {

    /**
     * The next piece of the answer's text.
     *
     * @param text never empty
     */
    record Text(String text) implements ChatDelta {
        public Text {
            Preconditions.check(text != null && !text.isEmpty(), "a text delta must not be empty");
        }
    }

    /**
     * A piece of a tool call. Chunks with the same {@code index} belong to one call: the first carries its id and
     * name, later ones carry further fragments of its JSON arguments, to be concatenated in order.
     *
     * @param index which call of the answer this belongs to, from 0
     * @param id the call's id, or null after the first chunk
     * @param name the tool's name, or null after the first chunk
     * @param argumentsFragment the next characters of the arguments; may be empty
     */
    record ToolCallChunk(int index, String id, String name, String argumentsFragment) implements ChatDelta {
        public ToolCallChunk {
            Preconditions.check(index >= 0, "index must be >= 0, was " + index);
            argumentsFragment = argumentsFragment == null ? "" : argumentsFragment;
        }
    }
}
