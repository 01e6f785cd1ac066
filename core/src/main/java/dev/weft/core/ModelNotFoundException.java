package dev.weft.core;

/**
 * No model answers to a reference: no provider is registered for its scheme, the provider does not know the
 * name, or a required file is missing. Not retryable: fix the reference or the class path.
 */
public class ModelNotFoundException extends WeftException {
    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }

    public ModelNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
