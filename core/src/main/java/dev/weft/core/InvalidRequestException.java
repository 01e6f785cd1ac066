package dev.weft.core;

/**
 * The provider rejected the request as malformed or unacceptable (HTTP 400, 413, 422): an unsupported
 * parameter, a context that is too long, a schema the provider cannot enforce. Not retryable as it stands:
 * change the request. The message holds the provider's explanation; {@link #providerCode()} its machine-readable
 * code when it sent one (such as {@code context_length_exceeded}).
 */
public class InvalidRequestException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String providerCode;

    public InvalidRequestException(String message, int status, String providerCode) {
        super(message);
        this.status = status;
        this.providerCode = providerCode == null ? "" : providerCode;
    }

    /** The HTTP status the provider answered with. */
    public int status() {
        return status;
    }

    /** The provider's error code, empty when it sent none. */
    public String providerCode() {
        return providerCode;
    }
}
