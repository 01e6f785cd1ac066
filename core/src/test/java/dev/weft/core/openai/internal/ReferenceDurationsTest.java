package dev.weft.core.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidInputException;
import dev.weft.core.spi.ModelRef;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations in {@code openai:} references: a number with a unit, or ISO-8601. */
class ReferenceDurationsTest {
    private static final ModelRef REF = ModelRef.of("openai", "m");

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "1.5s, 1500", "30s, 30000", "2m, 120000", "1h, 3600000", "PT45S, 45000", "pt0.25s, 250"})
    void parses(String text, long millis) {
        assertThat(OpenAiModelProvider.duration(REF, "requestTimeout", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "10", "5 days", "PTxS", "-1s"})
    void refusesWhatItCannotRead(String text) {
        assertThat(catchThrowable(() -> OpenAiModelProvider.duration(REF, "requestTimeout", text)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("requestTimeout=" + text);
    }
}
