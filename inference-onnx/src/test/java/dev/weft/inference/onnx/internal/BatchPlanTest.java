package dev.weft.inference.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void sortsByLengthAndCutsIntoBatches() {
        List<int[]> batches = BatchPlan.of(new int[] {5, 3, 9, 3, 1}, 2);
        assertThat(batches).containsExactly(new int[] {4, 1}, new int[] {3, 0}, new int[] {2});
    }

    @Test
    void everyIndexOnceInAscendingLengthOrder() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int[] lengths = random.ints(random.nextInt(1, 200), 1, 300).toArray();
            int batchSize = random.nextInt(1, 40);
            List<int[]> batches = BatchPlan.of(lengths, batchSize);
            int[] flat = batches.stream().flatMapToInt(Arrays::stream).toArray();
            assertThat(flat).as("seed %d", seed).containsExactlyInAnyOrder(IntStream.range(0, lengths.length).toArray());
            assertThat(batches).as("seed %d", seed).allSatisfy(b -> assertThat(b.length).isBetween(1, batchSize));
            for (int i = 1; i < flat.length; i++) {
                assertThat(lengths[flat[i]]).as("seed %d", seed).isGreaterThanOrEqualTo(lengths[flat[i - 1]]);
            }
        }
    }
}
