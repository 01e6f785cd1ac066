package dev.weft.rag.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.instancio.Random;

/**
 * A generated cache workload: a dimension (2–48), a few partitions, puts of clustered vectors (so that neighbours
 * are close and the nearest is not obvious) that reuse ids (replacing an entry, sometimes moving it to another
 * partition), removes in between, and lookups: perturbed copies of stored vectors, fresh random vectors, k from 1
 * to 12, and sometimes a partition that holds nothing.
 *
 * @param dimension the index's dimension
 * @param partitions the partition names used
 * @param steps the writes, in order
 * @param lookups the lookups to check after the writes
 */
record IndexScenario(int dimension, List<String> partitions, List<Step> steps, List<Lookup> lookups) {

    sealed interface Step {}

    record Put(String partition, String id, float[] vector) implements Step {}

    record Remove(String id) implements Step {}

    record Lookup(String partition, float[] vector, int k) {}

    /** The reference holding what the index should hold after every step. */
    BruteForceIndex reference() {
        BruteForceIndex reference = new BruteForceIndex();
        for (Step step : steps) {
            switch (step) {
                case Put p -> reference.put(p.partition(), p.id(), p.vector());
                case Remove r -> reference.remove(r.id());
            }
        }
        return reference;
    }

    /** Writes the steps into {@code index}. */
    void applyTo(LuceneVectorIndex index) {
        for (Step step : steps) {
            switch (step) {
                case Put p -> index.put(p.partition(), p.id(), p.vector());
                case Remove r -> index.remove(r.id());
            }
        }
    }

    @Override
    public String toString() {
        return "IndexScenario[dimension=" + dimension + ", partitions=" + partitions.size() + ", steps=" + steps.size()
                + ", entries=" + reference().size() + ", lookups=" + lookups.size() + "]";
    }

    /** A scenario of {@code minPuts} to {@code maxPuts} puts over {@code minPartitions} to {@code maxPartitions} partitions. */
    static IndexScenario generate(Random r, int minPuts, int maxPuts, int minPartitions, int maxPartitions) {
        SplittableRandom random = new SplittableRandom(r.longRange(Long.MIN_VALUE, Long.MAX_VALUE));
        int dimension = r.intRange(2, 48);
        List<String> partitions = new ArrayList<>();
        int partitionCount = r.intRange(minPartitions, maxPartitions);
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(p == 0 && r.trueOrFalse() ? "" : "tenant-" + r.alphanumeric(r.intRange(1, 6)) + "-" + p);
        }
        float[][] centres = new float[r.intRange(1, 20)][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = gaussian(random, dimension, 1.0);
        }
        double spread = r.doubleRange(0.05, 0.8);
        int puts = r.intRange(minPuts, maxPuts);
        int idSpace = Math.max(1, (int) (puts * r.doubleRange(0.6, 1.0)));
        List<Step> steps = new ArrayList<>();
        List<float[]> stored = new ArrayList<>();
        for (int i = 0; i < puts; i++) {
            float[] v = near(random, centres[random.nextInt(centres.length)], spread);
            stored.add(v);
            steps.add(new Put(partitions.get(random.nextInt(partitions.size())), "id-" + random.nextInt(idSpace), v));
            if (random.nextDouble() < 0.05) {
                steps.add(new Remove("id-" + random.nextInt(idSpace)));
            }
        }
        List<Lookup> lookups = new ArrayList<>();
        int lookupCount = r.intRange(10, 40);
        for (int q = 0; q < lookupCount; q++) {
            float[] v = random.nextBoolean()
                    ? near(random, stored.get(random.nextInt(stored.size())), spread / 4)
                    : gaussian(random, dimension, 1.0);
            String partition = random.nextDouble() < 0.05 ? "nobody" : partitions.get(random.nextInt(partitions.size()));
            lookups.add(new Lookup(partition, v, random.nextDouble() < 0.5 ? 1 : 1 + random.nextInt(12)));
        }
        return new IndexScenario(dimension, List.copyOf(partitions), List.copyOf(steps), List.copyOf(lookups));
    }

    private static float[] near(SplittableRandom random, float[] centre, double spread) {
        float[] noise = gaussian(random, centre.length, spread);
        for (int i = 0; i < noise.length; i++) {
            noise[i] += centre[i];
        }
        return noise;
    }

    private static float[] gaussian(SplittableRandom random, int dimension, double sigma) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }
}
