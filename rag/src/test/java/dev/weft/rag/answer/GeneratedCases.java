package dev.weft.rag.answer;

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
 * Seeded test inputs from Instancio's {@link Random}, each case named {@code seed=…}. To replay a failing case run
 * with {@code -Dweft.test.seed=<seed>}: it becomes the first case of every source; {@code -Dweft.test.scale=10}
 * runs ten times as many cases. (A copy of core's test helper, which core does not publish.)
 */
final class GeneratedCases {
    private static final Long FIXED_SEED = Long.getLong("weft.test.seed");
    private static final long BASE_SEED = baseSeed();
    private static final int SCALE = Math.max(1, Integer.getInteger("weft.test.scale", 1));

    private GeneratedCases() {}

    private static long baseSeed() {
        long seed = FIXED_SEED != null ? FIXED_SEED : new SplittableRandom().nextLong();
        System.out.println("[weft tests] generated inputs use base seed " + seed + " (-Dweft.test.seed=" + seed + " to replay)");
        return seed;
    }

    /** Holds a generated value so that Instancio hands it back untouched. */
    private record Sample(Object value) {}

    /** {@code count} values built by {@code body}, as parameterized-test arguments named by their seed. */
    static <T> Stream<Arguments> cases(int count, Function<Random, T> body) {
        return LongStream.range(0, (long) count * SCALE).map(i -> BASE_SEED + i)
                .mapToObj(seed -> Arguments.argumentSet("seed=" + seed, generate(seed, body)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T generate(long seed, Function<Random, T> body) {
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
}
