package dev.weft.core;

/** A model, store or pipeline was used after {@code close()}. */
public class ResourceClosedException extends WeftException {
    private static final long serialVersionUID = 1L;

    public ResourceClosedException(String message) {
        super(message);
    }
}
