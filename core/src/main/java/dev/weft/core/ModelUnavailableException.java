package dev.weft.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The model could not be reached or could not serve: a connection failure, a 5xx from a provider, an open
 * circuit breaker, a local model that failed to load. Usually retryable or a reason to fall back.
 */
public class ModelUnavailableException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public ModelUnavailableException(String message) {
        this(message, null, null);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param retryAfter how long the provider (a 503 with {@code Retry-After}) or a circuit breaker asked callers
     *     to wait; null when unknown
     */
    public ModelUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before trying again, when the provider or a circuit breaker said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
