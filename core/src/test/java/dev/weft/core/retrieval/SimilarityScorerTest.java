package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.Generated;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Similarity#scorer} precomputes the query's norm; its scores must equal {@link Similarity#compute} bit for bit. */
class SimilarityScorerTest {

    record Case(float[] query, float[][] vectors) {}

    static Stream<Arguments> cases() {
        return Generated.cases(200, SimilarityScorerTest::generate);
    }

    static Case generate(Random r) {
        int dimension = r.intRange(1, 40);
        float[] query = vector(r, dimension);
        float[][] vectors = new float[r.intRange(1, 10)][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = vector(r, dimension);
        }
        return new Case(query, vectors);
    }

    private static float[] vector(Random r, int dimension) {
        float[] v = new float[dimension];
        boolean zero = r.intRange(0, 9) == 0;
        for (int d = 0; d < dimension && !zero; d++) {
            v[d] = r.intRange(0, 9) == 0 ? r.oneOf(Float.MIN_VALUE, -1e20f, 3e-39f) : r.floatRange(-10f, 10f);
        }
        return v;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scoresEqualComputeBitForBit(Case c) {
        for (Similarity similarity : Similarity.values()) {
            ToDoubleFunction<float[]> scorer = similarity.scorer(c.query());
            for (float[] v : c.vectors()) {
                assertThat(Double.doubleToRawLongBits(scorer.applyAsDouble(v)))
                        .as("%s", similarity)
                        .isEqualTo(Double.doubleToRawLongBits(similarity.compute(c.query(), v)));
            }
        }
    }
}
