package dev.weft.inference.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.weft.inference.onnx.Pooling;
import org.junit.jupiter.api.Test;

class VectorPoolingTest {
    /** Two rows of three positions of two dimensions; row 0 has 2 real tokens, row 1 has 3. Padding holds 99. */
    private static final float[] TOKENS = {
            1, 2, 3, 4, 99, 99,
            5, 6, 7, 8, 9, 10};
    private static final long[] SHAPE = {2, 3, 2};
    private static final int[] LENGTHS = {2, 3};

    @Test
    void meanSkipsPadding() {
        float[][] v = VectorPooling.pool(TOKENS, 0, SHAPE, LENGTHS, Pooling.MEAN, false);
        assertThat(v[0]).containsExactly(2, 3);
        assertThat(v[1]).containsExactly(7, 8);
    }

    @Test
    void clsTakesTheFirstToken() {
        float[][] v = VectorPooling.pool(TOKENS, 0, SHAPE, LENGTHS, Pooling.CLS, false);
        assertThat(v[0]).containsExactly(1, 2);
        assertThat(v[1]).containsExactly(5, 6);
    }

    @Test
    void pooledOutputsPassThroughAndNormalize() {
        float[] pooled = {-1, 3, 4, 0, 0, 0};
        float[][] v = VectorPooling.pool(pooled, 1, new long[] {2, 2}, new int[] {5, 7}, Pooling.MEAN, true);
        assertThat(v[0]).containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
        assertThat(v[1]).containsExactly(0, 0); // a zero vector stays zero
    }
}
