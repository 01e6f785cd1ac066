package dev.weft.core;

/**
 * The provider refused the credentials (HTTP 401) or the credentials lack permission for this model or
 * endpoint (HTTP 403). Not retryable: fix the API key, organisation or project. The message holds the
 * provider's own explanation; it never holds the key.
 */
public class AuthenticationException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public AuthenticationException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the provider answered with (401 or 403), or 0 when the failure was not HTTP. */
    public int status() {
        return status;
    }
}
