package dev.weft.core.model;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;

/**
 * A model that answers conversations, local or remote. Implementations are safe for concurrent use.
 *
 * <pre>{@code
 * ChatResponse r = model.chat(ChatRequest.of("Name three prime numbers."));
 * System.out.println(r.text());
 *
 * try (ChatStream stream = model.stream(ChatRequest.of("Tell me a story."))) {
 *     for (ChatDelta delta : stream) {
 *         if (delta instanceof ChatDelta.Text t) System.out.print(t.text());
 *     }
 *     TokenUsage usage = stream.response().usage();
 * }
 * }</pre>
 */
public interface ChatModel extends AutoCloseable {

    /** What this model is. */
    ModelInfo info();

    /** Answers {@code request} in one piece. */
    ChatResponse chat(ChatRequest request);

    /**
     * Answers {@code request} as a stream of deltas. Nothing is sent until the stream is first read; closing it
     * early cancels the call. The default answers with {@link #chat} and streams the whole answer as one delta,
     * for models that cannot stream.
     */
    default ChatStream stream(ChatRequest request) {
        return ChatStream.deferred(() -> chat(request));
    }

    /** Frees what the model holds. Closing twice is harmless. */
    @Override
    default void close() {}
}
