package dev.weft.core;

/**
 * The model could not be reached or could not serve: a connection failure, a 5xx from a provider, an open
 * circuit breaker, a local model that failed to load. Usually retryable or a reason to fall back.
 */
public class ModelUnavailableException extends WeftException {
    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
