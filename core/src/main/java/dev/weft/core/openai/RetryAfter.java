package dev.weft.core.openai;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asked us to wait: OpenAI's {@code retry-after-ms} (milliseconds, more precise) first,
 * then the standard {@code Retry-After} as seconds (fractions tolerated) or as an HTTP date.
 */
final class RetryAfter {
    private RetryAfter() {}

    /** The wait asked for, never negative; null when the headers say nothing usable. */
    static Duration from(HttpHeaders headers, Clock clock) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            Duration d = seconds(ms.get(), 1_000);
            if (d != null) {
                return d;
            }
        }
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isEmpty()) {
            return null;
        }
        Duration d = seconds(value.get(), 1);
        if (d != null) {
            return d;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code text} as a number of {@code 1/unitsPerSecond} seconds, or null. */
    private static Duration seconds(String text, int unitsPerSecond) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                return null;
            }
            return v <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.min(v * 1e9 / unitsPerSecond, Long.MAX_VALUE));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
