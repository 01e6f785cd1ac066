package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link Similarity#compute}, hand-checked. */
class SimilarityTest {

    @Test
    void cosine() {
        assertThat(Similarity.COSINE.compute(new float[] {1, 0}, new float[] {0, 1})).isZero();
        assertThat(Similarity.COSINE.compute(new float[] {3, 4}, new float[] {6, 8})).isCloseTo(1.0, within(1e-15));
        assertThat(Similarity.COSINE.compute(new float[] {1, 1}, new float[] {-1, -1})).isCloseTo(-1.0, within(1e-15));
        assertThat(Similarity.COSINE.compute(new float[] {1, 0}, new float[] {1, 1})).isCloseTo(Math.sqrt(0.5), within(1e-15));
    }

    @Test
    void cosineWithAZeroVectorIsZero() {
        assertThat(Similarity.COSINE.compute(new float[] {0, 0}, new float[] {1, 2})).isZero();
        assertThat(Similarity.COSINE.compute(new float[] {0, 0}, new float[] {0, 0})).isZero();
    }

    @Test
    void dotProductIsUnnormalised() {
        assertThat(Similarity.DOT_PRODUCT.compute(new float[] {3, 4}, new float[] {6, 8})).isEqualTo(50.0);
        assertThat(Similarity.DOT_PRODUCT.compute(new float[] {0, 0}, new float[] {6, 8})).isZero();
        assertThat(Similarity.DOT_PRODUCT.compute(new float[] {1e20f, 1e20f}, new float[] {1e20f, 1e20f}))
                .as("computed in double: no float overflow").isCloseTo(2e40, org.assertj.core.api.Assertions.withinPercentage(0.001));
    }
}
