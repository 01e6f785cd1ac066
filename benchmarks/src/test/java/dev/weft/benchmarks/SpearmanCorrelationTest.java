package dev.weft.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanCorrelationTest {

    @Test
    void averageRanksForTies() {
        assertThat(SpearmanCorrelation.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
    }

    @Test
    void matchesScipyOnAHandCase() {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic == 0.8207826816681233
        double rho = SpearmanCorrelation.of(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
        assertThat(rho).isCloseTo(0.8207826816681233, within(1e-12));
    }

    @Test
    void perfectAndReversedOrder() {
        double[] x = {0.1, 0.5, 0.9, 1.3};
        assertThat(SpearmanCorrelation.of(x, new double[] {1, 2, 3, 4})).isCloseTo(1.0, within(1e-12));
        assertThat(SpearmanCorrelation.of(x, new double[] {4, 3, 2, 1})).isCloseTo(-1.0, within(1e-12));
    }
}
