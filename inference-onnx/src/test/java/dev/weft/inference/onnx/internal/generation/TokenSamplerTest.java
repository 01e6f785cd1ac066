package dev.weft.inference.onnx.internal.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Greedy, temperature, top-k, top-p and the repetition penalty on generated logits. */
class TokenSamplerTest {
    private static final int VOCAB = 50;
    private static final int DRAWS = 200;

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void greedyTakesTheMostLikelyToken(long seed) {
        float[] logits = logits(new Random(seed));
        int expected = IntStream.range(0, VOCAB).boxed().max(Comparator.comparingDouble(i -> logits[i])).orElseThrow();
        assertThat(new TokenSampler(plan(0.0, 0, 1.0, 1.0, seed)).next(logits.clone())).as("seed %d", seed).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void topKDrawsOnlyAmongTheKMostLikely(long seed) {
        Random random = new Random(seed);
        float[] logits = logits(random);
        int k = 1 + random.nextInt(8);
        Set<Integer> top = IntStream.range(0, VOCAB).boxed()
                .sorted(Comparator.comparingDouble(i -> -logits[i])).limit(k).collect(Collectors.toSet());
        TokenSampler sampler = new TokenSampler(plan(1.3, k, 1.0, 1.0, seed));
        for (int d = 0; d < DRAWS; d++) {
            assertThat(top).as("seed %d, k %d", seed, k).contains(sampler.next(logits.clone()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void topPDrawsOnlyWithinTheNucleus(long seed) {
        Random random = new Random(seed);
        float[] logits = logits(random);
        double topP = 0.05 + 0.9 * random.nextDouble();
        double[] p = softmax(logits);
        List<Integer> byProbability = IntStream.range(0, VOCAB).boxed().sorted(Comparator.comparingDouble(i -> -p[i])).toList();
        double mass = 0;
        int size = 0;
        while (mass < topP) {
            mass += p[byProbability.get(size++)];
        }
        Set<Integer> nucleus = Set.copyOf(byProbability.subList(0, size));
        TokenSampler sampler = new TokenSampler(plan(1.0, 0, topP, 1.0, seed));
        for (int d = 0; d < DRAWS; d++) {
            assertThat(nucleus).as("seed %d, topP %.3f", seed, topP).contains(sampler.next(logits.clone()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSeedReproducesTheDraws(long seed) {
        float[] logits = logits(new Random(seed));
        TokenSampler a = new TokenSampler(plan(1.0, 0, 0.95, 1.0, seed));
        TokenSampler b = new TokenSampler(plan(1.0, 0, 0.95, 1.0, seed));
        for (int d = 0; d < 50; d++) {
            assertThat(a.next(logits.clone())).as("seed %d, draw %d", seed, d).isEqualTo(b.next(logits.clone()));
        }
    }

    @Test
    void drawsFollowTheTemperedDistribution() {
        // logits 0 and ln 3: probabilities 1/4 and 3/4 at temperature 1; 1/(1+sqrt 3) and sqrt 3/(1+sqrt 3) at 2.
        float[] logits = {0f, (float) Math.log(3)};
        assertThat(frequencyOfOne(logits, 1.0)).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
        assertThat(frequencyOfOne(logits, 2.0)).isCloseTo(Math.sqrt(3) / (1 + Math.sqrt(3)), org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void theRepetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOfSeenTokens() {
        TokenSampler sampler = new TokenSampler(plan(0.0, 0, 1.0, 2.0, 1L));
        sampler.observe(0);
        assertThat(sampler.next(new float[] {5f, 4f})).as("5 / 2 < 4").isEqualTo(1);
        sampler.observe(1);
        sampler.observe(2);
        assertThat(sampler.next(new float[] {-1f, -1.5f, -0.9f, -1.7f})).as("-2, -3 and -1.8 lose to an unseen -1.7")
                .isEqualTo(3);
    }

    private static double frequencyOfOne(float[] logits, double temperature) {
        TokenSampler sampler = new TokenSampler(plan(temperature, 0, 1.0, 1.0, 42L));
        int ones = 0;
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            ones += sampler.next(logits.clone());
        }
        return ones / (double) draws;
    }

    private static SamplingPlan plan(double temperature, int topK, double topP, double penalty, long seed) {
        return new SamplingPlan(temperature, topK, topP, penalty, 100, seed, List.of());
    }

    private static float[] logits(Random random) {
        float[] logits = new float[VOCAB];
        for (int i = 0; i < VOCAB; i++) {
            logits[i] = (float) (random.nextGaussian() * 3);
        }
        return logits;
    }

    private static double[] softmax(float[] logits) {
        double max = Arrays.stream(IntStream.range(0, logits.length).mapToDouble(i -> logits[i]).toArray()).max().orElseThrow();
        double[] p = IntStream.range(0, logits.length).mapToDouble(i -> Math.exp(logits[i] - max)).toArray();
        double sum = Arrays.stream(p).sum();
        return Arrays.stream(p).map(v -> v / sum).toArray();
    }
}
