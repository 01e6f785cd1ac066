package dev.weft.core;

/**
 * The provider's content filter refused the request (for example Azure OpenAI's {@code content_filter} error).
 * Not retryable with the same input. An answer that the filter cut short after it began is not an exception:
 * it arrives with {@code FinishReason.CONTENT_FILTER}.
 */
public class ContentFilteredException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final String providerCode;

    public ContentFilteredException(String message, String providerCode) {
        super(message);
        this.providerCode = providerCode == null ? "" : providerCode;
    }

    /** The provider's error code, such as {@code content_filter}; empty when it sent none. */
    public String providerCode() {
        return providerCode;
    }
}
