package dev.weft.inference.onnx.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups texts into batches of similar length: indices sorted by token count (ties in input order), cut into
 * runs of at most {@code batchSize}. Each batch is then padded only to its own longest member.
 */
final class BatchPlan {
    private BatchPlan() {}

    /**
     * The batches, each an array of input indices in ascending length order.
     *
     * @param lengths token counts, by input index
     * @param batchSize the largest batch, >= 1
     */
    static List<int[]> of(int[] lengths, int batchSize) {
        int[] order = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt(i -> lengths[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        List<int[]> batches = new ArrayList<>((lengths.length + batchSize - 1) / batchSize);
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
        }
        return batches;
    }
}
