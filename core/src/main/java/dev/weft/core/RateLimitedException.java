package dev.weft.core;

import java.time.Duration;
import java.util.Optional;

/** The provider refused the call for now (HTTP 429 or equivalent). Retryable, after {@link #retryAfter()} if known. */
public class RateLimitedException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked callers to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
