package dev.weft.core;

/**
 * A concurrency limit refused the call because the most calls it allows were already in flight and no slot
 * freed up within its wait. The model itself was not called. Shed load, queue elsewhere, or fall back.
 */
public class ConcurrencyLimitExceededException extends ModelUnavailableException {
    private static final long serialVersionUID = 1L;

    public ConcurrencyLimitExceededException(String message) {
        super(message);
    }
}
