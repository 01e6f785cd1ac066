package dev.weft.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.store.embedding.RelevanceScore;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The two score scales convert into each other, as LangChain4j itself converts cosine into relevance. */
class RelevanceScoresTest {

    static Stream<Integer> seeds() {
        return IntStream.range(0, 10).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void conversionsAgreeWithLangChain4jAndInvertEachOtherAndKeepOrder(int seed) {
        Random random = new Random(seed);
        double previousCosine = -1;
        double previousRelevance = RelevanceScores.toRelevance(-1);
        double[] cosines = random.doubles(200, -1, 1).sorted().toArray();
        for (double cosine : cosines) {
            double relevance = RelevanceScores.toRelevance(cosine);
            assertThat(relevance).as("seed %d, cosine %s", seed, cosine)
                    .isCloseTo(RelevanceScore.fromCosineSimilarity(cosine), within(1e-12))
                    .isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previousRelevance);
            assertThat(RelevanceScores.toCosine(relevance)).as("seed %d", seed).isCloseTo(cosine, within(1e-12))
                    .isGreaterThanOrEqualTo(previousCosine);
            previousCosine = cosine;
            previousRelevance = relevance;
        }
    }
}
