package dev.weft.core.chat;

/**
 * Watches a {@link ChatStream} without changing it: tracing, metrics and caching use it through
 * {@link ChatStream#observe(ChatStream, StreamObserver)}. Exactly one of {@link #onComplete} and
 * {@link #onError} is called, unless the stream is closed before it ends, when {@link #onCancel} is called
 * instead. Methods are called on the thread that reads the stream, except {@link #onCancel}, which runs on the
 * thread that closes it.
 */
public interface StreamObserver {

    /** The first delta arrived. Called once, before {@link #onDelta} for that delta. */
    default void onFirstDelta() {}

    /** A delta arrived. */
    default void onDelta(ChatDelta delta) {}

    /** The stream ended normally with {@code response}. */
    default void onComplete(ChatResponse response) {}

    /** The stream failed with {@code error}. */
    default void onError(RuntimeException error) {}

    /** The stream was closed before it ended. */
    default void onCancel() {}
}
