package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code retry-after-ms} first, then {@code Retry-After} as seconds or an HTTP date. */
class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "retry-after-ms={0}, Retry-After={1} -> {2} ms")
    @CsvSource(nullValues = "none", value = {
        "none, 2, 2000",
        "none, 0.5, 500",
        "none, -3, 0",
        "250, 9, 250",
        "junk, 3, 3000",
        "none, 'Wed, 01 Jan 2025 12:00:30 GMT', 30000",
        "none, 'Wed, 01 Jan 2025 11:00:00 GMT', 0",
        "none, soon, -1",
        "none, none, -1"})
    void readsTheWaitAskedFor(String ms, String seconds, long expectedMillis) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        if (ms != null) {
            map.put("retry-after-ms", List.of(ms));
        }
        if (seconds != null) {
            map.put("retry-after", List.of(seconds));
        }
        Duration d = RetryAfter.from(HttpHeaders.of(map, (a, b) -> true), NOW);

        assertThat(d == null ? -1 : d.toMillis()).isEqualTo(expectedMillis);
    }
}
