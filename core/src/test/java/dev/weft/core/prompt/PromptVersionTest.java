package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PromptVersion}: the accepted form and the order. */
class PromptVersionTest {

    private static PromptVersion v(String text) {
        return PromptVersion.parse(text);
    }

    @Test
    void sortsLikeSemanticVersions() {
        List<String> sorted = List.of("0.9", "1", "1.0.1", "1.2.0-alpha", "1.2.0-alpha.1", "1.2.0-alpha.beta", "1.2.0-beta",
                "1.2.0-beta.2", "1.2.0-beta.11", "1.2.0-rc.1", "1.2", "1.9", "1.10", "2.0.0-rc.1", "2", "10");
        List<PromptVersion> shuffled = new ArrayList<>(sorted.stream().map(PromptVersionTest::v).toList());
        Collections.reverse(shuffled);

        shuffled.sort(null);

        assertThat(shuffled).extracting(PromptVersion::toString).containsExactlyElementsOf(sorted);
    }

    @Test
    void trailingZerosAreInsignificantButTheTextIsKept() {
        assertThat(v("1.2")).isEqualTo(v("1.2.0")).isEqualTo(v("1.2.0.0")).hasSameHashCodeAs(v("1.2.0"));
        assertThat(v("1.2.0").toString()).isEqualTo("1.2.0");
        assertThat(v("1.0-rc")).isEqualTo(v("1-rc"));
        assertThat(v("0")).isEqualTo(v("0.0"));
        assertThat(v("1.2-rc.1")).isNotEqualTo(v("1.2"));
        assertThat(v("1.2.0-rc.1").isPreRelease()).isTrue();
        assertThat(v("1.2.0").isPreRelease()).isFalse();
    }

    @Test
    void numbersLongerThanALongCompareNumerically() {
        assertThat(v("1.99999999999999999999999")).isGreaterThan(v("1.9999999999999999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "1.", ".1", "01", "1.02", "1..2", "1-", "1-rc..1", "1-rc.01", "1.2+build", "1 .2", "one", "-1", "1_2"})
    void malformedVersionsAreRefused(String text) {
        assertThatThrownBy(() -> PromptVersion.parse(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a prompt version");
    }

    static Stream<Arguments> versionTriples() {
        return Generated.cases(300, random -> List.of(version(random), version(random), version(random)));
    }

    static String version(Random random) {
        String[] numbers = new String[random.intRange(1, 4)];
        Arrays.setAll(numbers, i -> String.valueOf(random.intRange(0, 3)));
        String release = String.join(".", numbers);
        if (random.trueOrFalse(0.6)) {
            return release;
        }
        String[] label = new String[random.intRange(1, 3)];
        Arrays.setAll(label, i -> random.oneOf("alpha", "beta", "rc", "0", "1", "2", "11", "x-1"));
        return release + "-" + String.join(".", label);
    }

    @ParameterizedTest
    @MethodSource("versionTriples")
    void theOrderIsATotalOrderConsistentWithEquals(List<String> texts) {
        PromptVersion a = v(texts.get(0));
        PromptVersion b = v(texts.get(1));
        PromptVersion c = v(texts.get(2));

        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
        }
        assertThat(v(texts.get(0) + (texts.get(0).contains("-") ? "" : ".0"))).isEqualTo(a);
    }
}
