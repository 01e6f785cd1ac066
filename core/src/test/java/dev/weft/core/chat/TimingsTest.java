package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Timings}: non-negative durations and the decode speed of a stream. */
class TimingsTest {

    @Test
    void timePerOutputTokenIsTheTimeAfterTheFirstTokenPerFurtherToken() {
        Timings t = new Timings(Duration.ofMillis(100), Duration.ofMillis(1100));
        assertThat(t.timePerOutputToken(11)).isEqualTo(Duration.ofMillis(100));
        assertThat(t.timePerOutputToken(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(t.timePerOutputToken(3)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void fewerThanTwoTokensGiveZero() {
        Timings t = new Timings(Duration.ofMillis(100), Duration.ofMillis(1100));
        assertThat(t.timePerOutputToken(1)).isZero();
        assertThat(t.timePerOutputToken(0)).isZero();
        assertThat(t.timePerOutputToken(-4)).isZero();
    }

    @Test
    void unstreamedCallsHaveTheFirstTokenAtTheEnd() {
        Timings t = Timings.of(Duration.ofSeconds(2));
        assertThat(t.timeToFirstToken()).isEqualTo(t.total());
        assertThat(t.timePerOutputToken(100)).isZero();
        assertThat(Timings.ZERO.total()).isZero();
    }

    @Test
    void theFirstTokenCannotArriveAfterTheEnd() {
        assertThatThrownBy(() -> new Timings(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeToFirstToken");
    }

    @Test
    void negativeOrMissingDurationsAreRefused() {
        assertThatThrownBy(() -> new Timings(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new Timings(Duration.ZERO, Duration.ofMillis(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new Timings(null, Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeToFirstToken must not be null");
    }
}
