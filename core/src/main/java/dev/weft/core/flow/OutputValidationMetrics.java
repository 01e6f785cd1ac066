package dev.weft.core.flow;

/**
 * A snapshot of an {@link OutputValidation}. Each check either passes or fails, and each failed check of a
 * {@code chat} call leads to one repair or one rejection, so once no call is in flight
 * {@code checks == passed + failed} and {@code failed == repairs + rejections} (a failed stream is always rejected).
 *
 * @param checks answers checked, repaired ones included
 * @param passed checks the answer passed
 * @param failed checks the answer failed
 * @param repairs repair requests sent after a failed check
 * @param rejections {@link dev.weft.core.GuardrailViolationException}s thrown
 */
public record OutputValidationMetrics(long checks, long passed, long failed, long repairs, long rejections) {}
