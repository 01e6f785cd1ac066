package dev.weft.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.weft.core.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link BootstrapMean}: reproducible, sensible bounds, and close to nominal coverage. */
class BootstrapMeanTest {
    private static final BootstrapMean BOOTSTRAP = BootstrapMean.builder().resamples(2_000).level(0.95).seed(7).build();

    private static double[] uniform(int n, SplittableRandom random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble();
        }
        return values;
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        double[] values = uniform(50, new SplittableRandom(1));

        ConfidenceInterval first = BOOTSTRAP.interval(values);

        assertThat(BOOTSTRAP.interval(values)).isEqualTo(first);
        assertThat(BootstrapMean.builder().resamples(2_000).seed(8).build().interval(values)).isNotEqualTo(first);
        assertThat(first.estimate()).isEqualTo(java.util.Arrays.stream(values).average().orElseThrow());
        assertThat(first.level()).isEqualTo(0.95);
    }

    @Test
    void boundsLieWithinTheValuesAndAroundTheMean() {
        double[] values = {0, 0, 0.2, 0.5, 1, 1, 0.3, 0.7, 0.9, 0.1};

        ConfidenceInterval ci = BOOTSTRAP.interval(values);

        assertThat(ci.lower()).isBetween(0.0, ci.estimate());
        assertThat(ci.upper()).isBetween(ci.estimate(), 1.0);
        assertThat(ci.contains(ci.estimate())).isTrue();
    }

    @Test
    void constantValuesGiveAPointInterval() {
        ConfidenceInterval ci = BOOTSTRAP.interval(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1});

        assertThat(ci.lower()).isEqualTo(0.1);
        assertThat(ci.upper()).isEqualTo(0.1);
        assertThat(ci.width()).isZero();
        assertThat(BOOTSTRAP.interval(new double[] {0.42})).isEqualTo(new ConfidenceInterval(0.42, 0.42, 0.42, 0.95));
    }

    @Test
    void halfWidthMatchesTheNormalApproximationForManyValues() {
        // For n = 400 draws from U(0, 1) the mean's standard error is about 1/sqrt(12 * 400) = 0.01443; the 95%
        // interval's half-width should be near 1.96 times the sample's standard error.
        double[] values = uniform(400, new SplittableRandom(3));
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double variance = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        double normalHalfWidth = 1.959964 * Math.sqrt(variance / values.length);

        ConfidenceInterval ci = BootstrapMean.builder().resamples(10_000).seed(11).build().interval(values);

        assertThat(ci.width() / 2).isCloseTo(normalHalfWidth, within(normalHalfWidth * 0.06));
        assertThat(ci.width()).isLessThan(BOOTSTRAP.interval(uniform(25, new SplittableRandom(3))).width());
    }

    @Test
    void coversTheTrueMeanAboutAsOftenAsItsLevelSays() {
        // 300 samples of 60 draws from U(0, 1), true mean 0.5. The percentile interval covers slightly under 95%
        // at this size; with 300 trials the observed rate has a standard error of about 0.013.
        SplittableRandom random = new SplittableRandom(2024);
        int covered = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            if (BootstrapMean.builder().resamples(1_000).seed(t).build().interval(uniform(60, random)).contains(0.5)) {
                covered++;
            }
        }
        assertThat((double) covered / trials).isBetween(0.90, 0.98);
    }

    @Test
    void refusesBadInputAndNamesTheBadOption() {
        assertThatThrownBy(() -> BOOTSTRAP.interval(new double[0]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("values must not be empty");
        assertThatThrownBy(() -> BOOTSTRAP.interval(new double[] {0.1, Double.NaN}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("values[1] must be finite");
        assertThatThrownBy(() -> BootstrapMean.builder().resamples(10).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("resamples must be >= 100");
        assertThatThrownBy(() -> BootstrapMean.builder().level(1.0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("level must be in (0, 1)");
        assertThatThrownBy(() -> new ConfidenceInterval(0.5, 0.6, 0.4, 0.95))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lower bound 0.6 must not exceed upper bound 0.4");
    }

    @Test
    void printsReadably() {
        assertThat(new ConfidenceInterval(0.65121, 0.62034, 0.68111, 0.95)).hasToString("0.6512 [0.6203, 0.6811] (95%)");
        assertThat(new ConfidenceInterval(0.5, 0.4, 0.6, 0.975)).hasToString("0.5000 [0.4000, 0.6000] (97.5%)");
    }
}
