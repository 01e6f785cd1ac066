package dev.weft.core.chat;

import dev.weft.core.WeftException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/** Replays a complete response as deltas. */
final class ReplaySource implements ChatStream.Source {
    private final Supplier<ChatResponse> call;
    private ChatResponse response;
    private Deque<ChatDelta> pending;

    ReplaySource(Supplier<ChatResponse> call) {
        this.call = call;
    }

    @Override
    public ChatDelta next() {
        if (pending == null) {
            response = call.get();
            if (response == null) {
                throw new WeftException("the model returned no response (null) to a streamed request");
            }
            pending = new ArrayDeque<>();
            if (!response.text().isEmpty()) {
                pending.add(new ChatDelta.Text(response.text()));
            }
            int index = 0;
            for (ToolCall c : response.message().toolCalls()) {
                pending.add(new ChatDelta.ToolCallChunk(index++, c.id(), c.name(), c.arguments()));
            }
        }
        return pending.poll();
    }

    @Override
    public ChatResponse finish() {
        return response;
    }
}
