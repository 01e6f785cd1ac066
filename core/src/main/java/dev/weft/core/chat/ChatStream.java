package dev.weft.core.chat;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A streamed answer: iterate over its deltas as they arrive, then read the complete {@link #response()}.
 * Pull-based, so a slow reader slows the producer down instead of buffering without bound, and closing the
 * stream cancels the call and frees what it holds.
 *
 * <pre>{@code
 * try (ChatStream stream = model.stream(request)) {
 *     for (ChatDelta delta : stream) {
 *         if (delta instanceof ChatDelta.Text t) out.print(t.text());
 *     }
 *     ChatResponse done = stream.response();   // usage, finish reason, timings
 * }
 * }</pre>
 *
 * <p>A stream is read by one thread at a time and {@link #iterator()} may be called once. {@link #close()} may
 * be called from any thread, any number of times. Errors surface as {@link dev.weft.core.WeftException}s from
 * the iterator or from {@link #response()}.
 */
public interface ChatStream extends Iterable<ChatDelta>, AutoCloseable {

    /**
     * The deltas, in order; blocks until the next one arrives.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    Iterator<ChatDelta> iterator();

    /**
     * The complete response. Reads whatever deltas are left first, so it may be called without iterating.
     *
     * @throws dev.weft.core.WeftException the stream's failure, or if it was closed before it ended
     */
    ChatResponse response();

    /** Cancels the stream if it has not ended and frees its resources. Harmless to call again. */
    @Override
    void close();

    /** Passes each delta to {@code consumer}, then returns the complete response. */
    default ChatResponse forEachDelta(Consumer<? super ChatDelta> consumer) {
        for (ChatDelta delta : this) {
            consumer.accept(delta);
        }
        return response();
    }

    /**
     * What a model implements to produce a stream; {@link ChatStream#from(Source)} turns it into one and takes
     * care of iteration state, errors and closing.
     */
    interface Source {
        /** The next delta, blocking until it arrives, or {@code null} when the answer is complete. */
        ChatDelta next();

        /** The complete response; called once, after {@link #next()} returned {@code null}. */
        ChatResponse finish();

        /**
         * Frees resources. Called exactly once when the stream ends, fails or is closed, possibly from another
         * thread while {@link #next()} blocks (to cancel it).
         */
        default void close() {}
    }

    /** A stream over {@code source}. */
    static ChatStream from(Source source) {
        return new SourceChatStream(source);
    }

    /** A stream that replays an answer already at hand: its text as one delta, then each tool call whole. */
    static ChatStream of(ChatResponse response) {
        return from(new ReplaySource(() -> response));
    }

    /**
     * A stream that calls {@code call} when first read and replays its answer. For models that cannot stream;
     * closing the stream before reading it means {@code call} is never made.
     */
    static ChatStream deferred(Supplier<ChatResponse> call) {
        return from(new ReplaySource(call));
    }

    /** {@code stream}, with {@code observer} told of every delta and of how the stream ends. */
    static ChatStream observe(ChatStream stream, StreamObserver observer) {
        return from(new ObservedSource(stream, observer));
    }
}
