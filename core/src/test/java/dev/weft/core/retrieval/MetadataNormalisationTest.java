package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Metadata} holds String, Long, Double and Boolean only: narrower types are widened, anything else is refused with a clear message. */
class MetadataNormalisationTest {

    @Test
    void integralTypesBecomeLong() {
        Metadata m = Metadata.of("i", 1, "s", (short) 2, "b", (byte) 3, "l", 4L);
        assertThat(m.get("i")).containsInstanceOf(Long.class).contains(1L);
        assertThat(m.get("s")).contains(2L);
        assertThat(m.get("b")).contains(3L);
        assertThat(m.get("l")).contains(4L);
        assertThat(m).isEqualTo(Metadata.of(Map.of("i", 1L, "s", 2L, "b", 3L, "l", 4L)));
    }

    @Test
    void floatBecomesDouble() {
        Metadata m = Metadata.of("f", 0.5f, "d", 0.25);
        assertThat(m.get("f")).containsInstanceOf(Double.class).contains(0.5);
        assertThat(m.get("d")).contains(0.25);
    }

    @Test
    void accessorsReadByType() {
        Metadata m = Metadata.of("s", "x", "n", 3, "d", 1.5, "t", true);
        assertThat(m.getString("s")).contains("x");
        assertThat(m.getString("n")).isEmpty();
        assertThat(m.getLong("n")).contains(3L);
        assertThat(m.getLong("d")).isEmpty();
        assertThat(m.getNumber("n")).contains(3.0);
        assertThat(m.getNumber("d")).contains(1.5);
        assertThat(m.getNumber("t")).isEmpty();
        assertThat(m.get("missing")).isEmpty();
        assertThat(m.asMap().keySet()).containsExactly("d", "n", "s", "t");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteNumbersAreRefused(double value) {
        assertThatThrownBy(() -> Metadata.of("x", value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("metadata value of 'x' must be finite, was " + value);
        assertThatThrownBy(() -> Metadata.of("x", (float) value))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Metadata.of(Map.of("x", value)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be finite");
    }

    @Test
    void unsupportedTypesAreRefusedNamingKeyAndType() {
        for (Object value : List.of(new BigDecimal("1.5"), Instant.EPOCH, List.of("a"), 'c', new Object())) {
            assertThatThrownBy(() -> Metadata.of("k", value))
                    .as("%s", value.getClass())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("metadata value of 'k' has unsupported type " + value.getClass().getName())
                    .hasMessageContaining("use String, Long, Double or Boolean");
        }
    }

    @Test
    void nullsAndBadKeysAreRefused() {
        assertThatThrownBy(() -> Metadata.of("k", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("metadata value of 'k' must not be null");
        assertThatThrownBy(() -> Metadata.of(1, "v"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key at argument 0 must be a String");
        assertThatThrownBy(() -> Metadata.of("k", 1, "odd"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("in pairs; got 3 arguments");
        assertThatThrownBy(() -> Metadata.of("", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keys must not be null or blank");
        assertThatThrownBy(() -> Metadata.of(" \t", 1))
                .as("a blank key could never be named by a Filter")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keys must not be null or blank");
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> Metadata.of(nullValue))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not hold null keys or values (key k)");
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> Metadata.of(nullKey))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(key null)");
    }

    @Test
    void withReturnsANormalisedCopy() {
        Metadata m = Metadata.of("a", 1);
        Metadata n = m.with("b", 2.5f).with("a", 3);
        assertThat(m.asMap()).containsExactly(Map.entry("a", 1L));
        assertThat(n.asMap()).containsExactly(Map.entry("a", 3L), Map.entry("b", 2.5));
        assertThatThrownBy(() -> m.with("c", Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> m.with("c", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withANullKeyIsRefusedClearly() {
        assertThatThrownBy(() -> Metadata.of("a", 1).with(null, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keys must not be null");
    }

    @Test
    void isImmutableAndEmptyIsShared() {
        Map<String, Object> source = new HashMap<>(Map.of("a", 1));
        Metadata m = Metadata.of(source);
        source.put("b", 2);
        assertThat(m.asMap()).containsOnlyKeys("a");
        assertThatThrownBy(() -> m.asMap().put("c", 3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Metadata.of(Map.of())).isSameAs(Metadata.EMPTY);
        assertThat(Metadata.of((Map<String, ?>) null)).isSameAs(Metadata.EMPTY);
        assertThat(Metadata.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void equalityIsByNormalisedValue() {
        assertThat(Metadata.of("a", 1)).isEqualTo(Metadata.of("a", 1L)).hasSameHashCodeAs(Metadata.of("a", 1L));
        assertThat(Metadata.of("a", 1)).as("Long and Double are different values").isNotEqualTo(Metadata.of("a", 1.0));
    }
}
