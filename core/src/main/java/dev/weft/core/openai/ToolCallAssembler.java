package dev.weft.core.openai;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Puts streamed tool calls back together. On the wire each {@code delta.tool_calls[]} element carries an
 * {@code index}; the first element for an index brings {@code id}, {@code type} and {@code function.name} (with
 * empty {@code arguments}), later ones bring further fragments of {@code function.arguments}, and fragments of
 * parallel calls may interleave. Servers differ at the edges, all tolerated here: the index may be missing
 * (a new {@code id} then starts a new call), the id and name may be repeated on every fragment, a whole call may
 * arrive in one element, and indexes need not start at 0. Calls are numbered from 0 in order of first
 * appearance. Not thread-safe.
 */
final class ToolCallAssembler {
    private static final class Call {
        final int ordinal;
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();

        Call(int ordinal) {
            this.ordinal = ordinal;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<Integer, Call> byIndex = new HashMap<>();
    private Call last;

    /** Takes one {@code tool_calls[]} element and returns the delta it amounts to, or null when it adds nothing. */
    ChatDelta.ToolCallChunk accept(JsonNode element, String payload) {
        if (!element.isObject()) {
            throw new InvalidModelResponseException("a streamed tool call is not an object", payload);
        }
        String id = WireValues.string(element, "id", payload);
        JsonNode function = element.get("function");
        String name = null;
        String fragment = "";
        if (function != null && !function.isNull()) {
            if (!function.isObject()) {
                throw new InvalidModelResponseException("a streamed tool call's 'function' is not an object", payload);
            }
            name = WireValues.string(function, "name", payload);
            fragment = WireValues.arguments(function.get("arguments"), payload);
        }
        Call call = find(element.get("index"), id, payload);
        String newId = null;
        if (id != null && !id.isEmpty() && call.id == null) {
            call.id = id;
            newId = id;
        }
        String newName = null;
        if (name != null && !name.isEmpty() && call.name == null) {
            call.name = name;
            newName = name;
        }
        call.arguments.append(fragment);
        last = call;
        if (newId == null && newName == null && fragment.isEmpty()) {
            return null;
        }
        return new ChatDelta.ToolCallChunk(call.ordinal, newId, newName, fragment);
    }

    private Call find(JsonNode index, String id, String payload) {
        if (index != null && !index.isNull()) {
            if (!index.isIntegralNumber() || !index.canConvertToInt() || index.asInt() < 0) {
                throw new InvalidModelResponseException("a streamed tool call's index is not a non-negative integer", payload);
            }
            return byIndex.computeIfAbsent(index.asInt(), i -> open());
        }
        boolean startsNew = last == null || (id != null && !id.isEmpty() && last.id != null && !id.equals(last.id));
        return startsNew ? open() : last;
    }

    private Call open() {
        Call c = new Call(calls.size());
        calls.add(c);
        return c;
    }

    /** Whether any tool call was seen. */
    boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * The complete calls, in order.
     *
     * @throws InvalidModelResponseException if a call has no id or name, or arguments that are not a JSON object
     */
    List<ToolCall> complete() {
        List<ToolCall> result = new ArrayList<>(calls.size());
        for (Call c : calls) {
            result.add(WireValues.toolCall(c.id, c.name, c.arguments.toString(), c.ordinal, c.arguments.toString()));
        }
        return result;
    }
}
