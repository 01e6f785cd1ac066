package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Sampling}'s bounds: each field optional, each out-of-range value refused with a message naming it. */
class SamplingValidationTest {

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().temperature(-0.01).build(), "temperature must be >= 0, was -0.01"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().temperature(Double.NaN).build(), "temperature"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().temperature(Double.POSITIVE_INFINITY).build(), "temperature"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().topP(0.0).build(), "topP must be in (0, 1], was 0.0"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().topP(1.0000001).build(), "topP"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().topP(Double.NaN).build(), "topP"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().topK(0).build(), "topK must be >= 1, was 0"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().maxTokens(0).build(), "maxTokens must be >= 1, was 0"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().maxTokens(-5).build(), "maxTokens"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().repetitionPenalty(0.0).build(), "repetitionPenalty must be > 0"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().repetitionPenalty(Double.POSITIVE_INFINITY).build(), "repetitionPenalty"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().stop("").build(), "stop sequences must not be empty"),
                Arguments.of((Supplier<Sampling>) () -> Sampling.builder().stop(Arrays.asList("a", null)).build(), "stop[1] must not be null"));
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void outOfRangeValuesAreRefused(Supplier<Sampling> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }

    @Test
    void boundaryValuesAreAccepted() {
        Sampling s = Sampling.builder().temperature(0.0).topP(1.0).topK(1).maxTokens(1).repetitionPenalty(Double.MIN_VALUE)
                .seed(Long.MIN_VALUE).stop("\n\n", " ").build();
        assertThat(s.temperature()).isZero();
        assertThat(s.stop()).containsExactly("\n\n", " ");
    }

    @Test
    void defaultsAreAllUnsetAndToBuilderCopies() {
        assertThat(Sampling.builder().build()).isEqualTo(Sampling.DEFAULTS);
        assertThat(Sampling.DEFAULTS.stop()).isEmpty();
        assertThat(new Sampling(null, null, null, null, null, null, null)).isEqualTo(Sampling.DEFAULTS);
        Sampling s = Sampling.builder().temperature(0.2).maxTokens(256).seed(42L).stop("x").build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.toBuilder().temperature(0.3).build().maxTokens()).isEqualTo(256);
    }

    @Test
    void stopListIsAnImmutableCopy() {
        List<String> stop = new java.util.ArrayList<>(List.of("a"));
        Sampling s = Sampling.builder().stop(stop).build();
        stop.add("b");
        assertThat(s.stop()).containsExactly("a");
        assertThatThrownBy(() -> s.stop().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
