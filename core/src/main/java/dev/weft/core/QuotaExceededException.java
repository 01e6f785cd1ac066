package dev.weft.core;

/**
 * The account behind the API key has run out of quota or credit (OpenAI answers HTTP 429 with code
 * {@code insufficient_quota}). Unlike {@link RateLimitedException} this does not pass with time: retrying is
 * pointless until someone changes the plan or billing. A reason to fall back to another model.
 */
public class QuotaExceededException extends WeftException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }
}
