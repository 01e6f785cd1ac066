package dev.weft.core.testing;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double: a {@link StreamObserver} that records its calls as strings, in order: {@code first},
 * {@code delta:<text or tool index>}, {@code complete:<text>}, {@code error:<simple class name>}, {@code cancel}.
 */
public final class RecordingStreamObserver implements StreamObserver {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onFirstDelta() {
        events.add("first");
    }

    @Override
    public void onDelta(ChatDelta delta) {
        events.add("delta:" + switch (delta) {
            case ChatDelta.Text t -> t.text();
            case ChatDelta.ToolCallChunk c -> "tool" + c.index();
        });
    }

    @Override
    public void onComplete(ChatResponse response) {
        events.add("complete:" + response.text());
    }

    @Override
    public void onError(RuntimeException error) {
        events.add("error:" + error.getClass().getSimpleName());
    }

    @Override
    public void onCancel() {
        events.add("cancel");
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    /** How many recorded events start with {@code prefix}. */
    public long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
