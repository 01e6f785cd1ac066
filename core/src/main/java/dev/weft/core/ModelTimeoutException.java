package dev.weft.core;

import java.time.Duration;

/** A model call did not finish within its deadline. Retryable. */
public class ModelTimeoutException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    public ModelTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public ModelTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** The deadline that was exceeded. */
    public Duration timeout() {
        return timeout;
    }
}
