package dev.weft.benchmarks;

import java.util.Random;

/**
 * Synthetic unit vectors drawn around random cluster centres, a stand-in for real embeddings at a scale where
 * embedding real text would take hours: real embeddings are clustered by topic, and uniformly random vectors make
 * HNSW look better or worse than it is.
 */
final class ClusteredVectors {
    private ClusteredVectors() {}

    /** {@code count} unit vectors of {@code dimension}, around {@code clusters} centres, with Gaussian spread {@code spread}. */
    static float[][] generate(int count, int dimension, int clusters, double spread, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = gaussianUnit(random, dimension);
        }
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] centre = centres[random.nextInt(clusters)];
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = (float) (centre[d] + spread * random.nextGaussian() / Math.sqrt(dimension));
            }
            vectors[i] = normalise(v);
        }
        return vectors;
    }

    private static float[] gaussianUnit(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return normalise(v);
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
