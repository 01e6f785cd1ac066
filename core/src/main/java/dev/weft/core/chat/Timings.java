package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import java.time.Duration;

/**
 * How long a call took. For a call that was not streamed the first token arrives with the whole answer, so
 * {@code timeToFirstToken} equals {@code total}.
 *
 * @param timeToFirstToken from sending the request to receiving the first token of the answer
 * @param total from sending the request to receiving the end of the answer
 */
public record Timings(Duration timeToFirstToken, Duration total) {
    /** Nothing measured (responses served from a cache). */
    public static final Timings ZERO = new Timings(Duration.ZERO, Duration.ZERO);

    public Timings {
        Preconditions.notNull(timeToFirstToken, "timeToFirstToken");
        Preconditions.notNull(total, "total");
        Preconditions.check(!timeToFirstToken.isNegative() && !total.isNegative(), "timings must not be negative");
        Preconditions.check(timeToFirstToken.compareTo(total) <= 0,
                "timeToFirstToken (" + timeToFirstToken + ") must not exceed total (" + total + ")");
    }

    /** Timings of a call that was not streamed. */
    public static Timings of(Duration total) {
        return new Timings(total, total);
    }

    /**
     * Time per output token after the first, the decode speed of a stream; {@link Duration#ZERO} when fewer than
     * two tokens were written.
     */
    public Duration timePerOutputToken(long outputTokens) {
        if (outputTokens < 2) {
            return Duration.ZERO;
        }
        return total.minus(timeToFirstToken).dividedBy(outputTokens - 1);
    }
}
