package dev.weft.core;

import java.time.Duration;

/**
 * A circuit breaker refused the call without making it, because the model failed too often recently.
 * {@link #retryAfter()} says when the breaker will let a trial call through. Fall back to another model rather
 * than retry at once.
 */
public class CircuitOpenException extends ModelUnavailableException {
    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String message, Duration retryAfter) {
        super(message, retryAfter, null);
    }
}
