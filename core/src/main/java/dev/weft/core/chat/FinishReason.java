package dev.weft.core.chat;

/** Why the model stopped writing. */
public enum FinishReason {
    /** It finished its answer or met a stop sequence. */
    STOP,
    /** It reached the maximum number of tokens. */
    LENGTH,
    /** It stopped to call tools. */
    TOOL_CALLS,
    /** The provider's content filter stopped it. */
    CONTENT_FILTER,
    /** The caller cancelled the stream. */
    CANCELLED,
    /** Any other reason the provider gave. */
    OTHER
}
