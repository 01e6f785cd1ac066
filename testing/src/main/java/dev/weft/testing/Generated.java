package dev.weft.testing;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.instancio.Random;
import org.instancio.Select;
import org.instancio.generator.AfterGenerate;
import org.instancio.generator.Generator;
import org.instancio.generator.Hints;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded generation of test inputs through Instancio's {@link Random}. Every generated case carries its seed in
 * its display name ({@code seed=…}); to replay a failing case, run with {@code -Dweft.test.seed=<that seed>}
 * (it then becomes the first case of every generated source). Without the property the base seed is random per
 * run and printed once. {@code -Dweft.test.scale=10} runs ten times as many cases.
 */
public final class Generated {
    /** The property that fixes the base seed. */
    public static final String SEED_PROPERTY = "weft.test.seed";
    /** The property that multiplies every generated source's number of cases, for a deeper run (default 1). */
    public static final String SCALE_PROPERTY = "weft.test.scale";
    /** The base seed of this run; case {@code i} uses {@code BASE_SEED + i}. */
    public static final long BASE_SEED = baseSeed();
    private static final int SCALE = Math.max(1, Integer.getInteger(SCALE_PROPERTY, 1));

    private Generated() {}

    private static long baseSeed() {
        Long fixed = Long.getLong(SEED_PROPERTY);
        long seed = fixed != null ? fixed : new SplittableRandom().nextLong();
        System.out.println("[weft tests] generated inputs use base seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + " to replay)");
        return seed;
    }

    /** Holds a generated value so that Instancio hands it back untouched. */
    private record Sample(Object value) {}

    /** The value {@code body} builds from an Instancio random source seeded with {@code seed}. */
    @SuppressWarnings("unchecked")
    public static <T> T generate(long seed, Function<Random, T> body) {
        Generator<Sample> generator = new Generator<>() {
            @Override
            public Sample generate(Random random) {
                return new Sample(body.apply(random));
            }

            @Override
            public Hints hints() {
                return Hints.afterGenerate(AfterGenerate.DO_NOT_MODIFY);
            }
        };
        return (T) Instancio.of(Sample.class).withSeed(seed).supply(Select.root(), generator).create().value();
    }

    /** {@code count} seeds (times {@code -Dweft.test.scale}), starting at the base seed. */
    public static LongStream seeds(int count) {
        return LongStream.range(0, (long) count * SCALE).map(i -> BASE_SEED + i);
    }

    /** {@code count} generated values as parameterized-test arguments named {@code seed=…}. */
    public static <T> Stream<Arguments> cases(int count, Function<Random, T> body) {
        return seeds(count).mapToObj(seed -> {
            T value;
            try {
                value = generate(seed, body);
            } catch (RuntimeException e) {
                throw new AssertionError("generating the case with seed " + seed + " failed: " + e, e);
            }
            return Arguments.argumentSet("seed=" + seed, value);
        });
    }
}
