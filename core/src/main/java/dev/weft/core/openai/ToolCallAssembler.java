package dev.weft.core.openai;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Puts streamed tool calls back together. On the wire each {@code delta.tool_calls[]} element carries an
 * {@code index}, the call's position in the answer's {@code tool_calls}; the first element for an index brings
 * {@code id}, {@code type} and {@code function.name} (with empty {@code arguments}), later ones bring further
 * fragments of {@code function.arguments}, and fragments of parallel calls may interleave. The wire index is
 * kept as the delta's index and decides the final order. Servers differ at the edges, all tolerated here: the
 * index may be missing (a new {@code id} then starts a new call, anything else continues the last one), the id
 * and name may be repeated on every fragment, a whole call may arrive in one element, and a server that reuses
 * an index for a call with a different id gets a fresh index for it. Not thread-safe.
 */
final class ToolCallAssembler {
    private static final class Call {
        final int index;
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();

        Call(int index) {
            this.index = index;
        }
    }

    private final TreeMap<Integer, Call> calls = new TreeMap<>();
    private Call last;

    /** Takes one {@code tool_calls[]} element and returns the delta it amounts to, or null when it adds nothing. */
    ChatDelta.ToolCallChunk accept(JsonNode element, String payload) {
        if (!element.isObject()) {
            throw new InvalidModelResponseException("a streamed tool call is not an object", payload);
        }
        String id = WireValues.string(element, "id", payload);
        if (id != null && id.isEmpty()) {
            id = null;
        }
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
        if (id != null && call.id == null) {
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
        return new ChatDelta.ToolCallChunk(call.index, newId, newName, fragment);
    }

    private Call find(JsonNode index, String id, String payload) {
        if (index != null && !index.isNull()) {
            if (!index.isIntegralNumber() || !index.canConvertToInt() || index.asInt() < 0) {
                throw new InvalidModelResponseException("a streamed tool call's index is not a non-negative integer", payload);
            }
            Call existing = calls.get(index.asInt());
            if (existing == null) {
                return open(index.asInt());
            }
            boolean otherCall = id != null && existing.id != null && !id.equals(existing.id);
            return otherCall ? open(calls.lastKey() + 1) : existing;
        }
        boolean startsNew = last == null || (id != null && last.id != null && !id.equals(last.id));
        return startsNew ? open(calls.isEmpty() ? 0 : calls.lastKey() + 1) : last;
    }

    private Call open(int index) {
        Call c = new Call(index);
        calls.put(index, c);
        return c;
    }

    /**
     * The complete calls, ordered by index.
     *
     * @throws InvalidModelResponseException if a call has no id or name, or arguments that are not a JSON object
     */
    List<ToolCall> complete() {
        List<ToolCall> result = new ArrayList<>(calls.size());
        for (Call c : calls.values()) {
            String arguments = c.arguments.toString();
            result.add(WireValues.toolCall(c.id, c.name, arguments, c.index, arguments));
        }
        return result;
    }
}
