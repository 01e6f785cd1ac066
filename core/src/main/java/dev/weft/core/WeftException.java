package dev.weft.core;

/**
 * The root of every exception Weft throws on purpose. Unchecked: a model call that fails is usually handled
 * by an interceptor (retry, fallback) or by the application at its edge, not at every call site.
 *
 * <p>Subtypes say what went wrong; their messages say what happened and what to do about it. Catch a subtype
 * to react to one failure (for example {@link RateLimitedException}); catch this type to handle them all.
 */
public class WeftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WeftException(String message) {
        super(message);
    }

    public WeftException(String message, Throwable cause) {
        super(message, cause);
    }
}
