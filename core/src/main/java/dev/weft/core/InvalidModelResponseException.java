package dev.weft.core;

/**
 * A model answered, but with something that cannot be understood: invalid JSON, a truncated stream, a missing
 * field, tool-call arguments that do not parse. {@link #payloadExcerpt()} holds the start of what was received.
 */
public class InvalidModelResponseException extends WeftException {
    private static final long serialVersionUID = 1L;
    /** The longest excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 500;
    private final String payloadExcerpt;

    public InvalidModelResponseException(String message, String payload) {
        this(message, payload, null);
    }

    public InvalidModelResponseException(String message, String payload, Throwable cause) {
        super(message + " (payload: " + excerpt(payload) + ")", cause);
        this.payloadExcerpt = excerpt(payload);
    }

    /** The start of the offending payload, at most {@link #MAX_EXCERPT} characters. */
    public String payloadExcerpt() {
        return payloadExcerpt;
    }

    private static String excerpt(String payload) {
        if (payload == null) {
            return "";
        }
        return payload.length() <= MAX_EXCERPT ? payload : payload.substring(0, MAX_EXCERPT) + "…";
    }
}
