package dev.weft.rag.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.cache.VectorIndex.Neighbor;
import dev.weft.rag.cache.IndexScenario.Lookup;
import dev.weft.testing.Generated;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lucene index against a brute-force scan ({@link BruteForceIndex}) over generated workloads: puts that replace
 * and move entries between partitions, removes, and lookups near stored vectors and far from them. The case's seed
 * is in its name.
 */
class LuceneVectorIndexPropertyTest {
    /** Lucene's float scores, mapped back to cosines, against cosines computed in double. */
    private static final double TOLERANCE = 2e-6;

    static Stream<Arguments> smallPartitions() {
        return Generated.cases(40, r -> IndexScenario.generate(r, 20, 600, 1, 8));
    }

    static Stream<Arguments> selectivePartitions() {
        return Generated.cases(12, r -> IndexScenario.generate(r, 800, 2_000, 12, 30));
    }

    static Stream<Arguments> largePartitions() {
        return Generated.cases(8, r -> IndexScenario.generate(r, 2_000, 4_000, 1, 2));
    }

    /** Own-graph thresholds: every entry in the shared graph, every entry in its partition's own, and a mix. */
    private static final int[] OWN_GRAPH_THRESHOLDS = {Integer.MAX_VALUE, 0, 7};

    /**
     * Every partition here fits under the default exact-search threshold: lookups are the brute-force answer, before
     * and after {@link LuceneVectorIndex#forceMerge()}, wherever the entries sit (shared graph, own graphs, both).
     */
    @ParameterizedTest
    @MethodSource("smallPartitions")
    void smallPartitionsAreSearchedExactly(IndexScenario scenario) {
        BruteForceIndex reference = scenario.reference();
        for (int ownGraphThreshold : OWN_GRAPH_THRESHOLDS) {
            try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(scenario.dimension())
                    .ownGraphThreshold(ownGraphThreshold).build()) {
                scenario.applyTo(index);
                for (String stage : new String[] {"as written", "merged"}) {
                    if (stage.equals("merged")) {
                        index.forceMerge();
                    }
                    String what = scenario + " own-graph threshold " + ownGraphThreshold + " " + stage;
                    assertThat(index.size()).as("%s: size", what).isEqualTo(reference.size());
                    for (Lookup lookup : scenario.lookups()) {
                        assertSameNeighbors(index.nearest(lookup.partition(), lookup.vector(), lookup.k()),
                                reference, lookup, what + " " + describe(lookup));
                    }
                }
            }
        }
    }

    /**
     * What Lucene does by itself, with this index's own exact scan switched off: a filtered HNSW search over
     * partitions that are each a small part of a larger index. Lucene scans a segment exactly when the filter leaves
     * it no more candidates than it would collect, and falls back to a scan when the graph search visits more
     * nodes than the filter accepts; on these sizes it did so on every generated case, so the answers are exact.
     * (It is not guaranteed in general, which is why the index has its own exact path for small partitions.)
     */
    @ParameterizedTest
    @MethodSource("selectivePartitions")
    void lucenesFilteredSearchFallsBackToExactOnSelectivePartitions(IndexScenario scenario) {
        BruteForceIndex reference = scenario.reference();
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(scenario.dimension())
                .exactSearchThreshold(0).build()) {
            scenario.applyTo(index);
            for (Lookup lookup : scenario.lookups()) {
                assertSameNeighbors(index.nearest(lookup.partition(), lookup.vector(), lookup.k()),
                        reference, lookup, scenario + " " + describe(lookup));
            }
        }
    }

    /**
     * Whatever the search path and wherever the entries sit, a lookup returns only its partition's live entries, and
     * min(k, partition size) of them.
     */
    @ParameterizedTest
    @MethodSource("selectivePartitions")
    void partitionsNeverLeakAndRemovedEntriesNeverReturn(IndexScenario scenario) {
        BruteForceIndex reference = scenario.reference();
        for (int threshold : new int[] {0, 1_000_000}) {
            for (int ownGraphThreshold : OWN_GRAPH_THRESHOLDS) {
                try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(scenario.dimension())
                        .exactSearchThreshold(threshold).ownGraphThreshold(ownGraphThreshold).build()) {
                    scenario.applyTo(index);
                    for (Lookup lookup : scenario.lookups()) {
                        List<Neighbor> found = index.nearest(lookup.partition(), lookup.vector(), lookup.k());
                        assertThat(found).as("%s %s, exact threshold %d, own-graph threshold %d", scenario, describe(lookup),
                                        threshold, ownGraphThreshold)
                                .hasSize((int) Math.min(lookup.k(), reference.count(lookup.partition())))
                                .allSatisfy(n -> assertThat(reference.partitionOf(n.id())).isEqualTo(lookup.partition()));
                    }
                }
            }
        }
    }

    /**
     * Partitions too large for the exact path are searched on the graph, which is approximate. Where a cache looks
     * (the true nearest entry at cosine 0.8 or more) it finds the true nearest entry, or one tied with it, for at
     * least 95% of lookups; far from every entry (random queries, cosine near 0) HNSW may settle on a worse one,
     * which a cache threshold would refuse anyway. Every similarity reported is the entry's true cosine. Checked with
     * the entries in the shared graph, in their partitions' own graphs, and split between the two (the default).
     */
    @ParameterizedTest
    @MethodSource("largePartitions")
    void largePartitionsFindTheTrueNearestWhereACacheLooks(IndexScenario scenario) {
        for (int ownGraphThreshold : new int[] {1_000, 0, Integer.MAX_VALUE}) {
            largePartitionsFindTheTrueNearest(scenario, ownGraphThreshold);
        }
    }

    private static void largePartitionsFindTheTrueNearest(IndexScenario scenario, int ownGraphThreshold) {
        BruteForceIndex reference = scenario.reference();
        String what = scenario + " own-graph threshold " + ownGraphThreshold;
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(scenario.dimension())
                .exactSearchThreshold(0).ownGraphThreshold(ownGraphThreshold).build()) {
            scenario.applyTo(index);
            int close = 0;
            int found = 0;
            for (Lookup lookup : scenario.lookups()) {
                List<Neighbor> truth = reference.nearest(lookup.partition(), lookup.vector(), Integer.MAX_VALUE);
                List<Neighbor> actual = index.nearest(lookup.partition(), lookup.vector(), 1);
                assertThat(actual).as("%s %s", what, describe(lookup)).hasSize(Math.min(1, truth.size()));
                if (truth.isEmpty()) {
                    continue;
                }
                Neighbor top = actual.getFirst();
                double trueSimilarity = truth.stream().filter(n -> n.id().equals(top.id())).findFirst().orElseThrow().similarity();
                assertThat((double) top.similarity()).as("%s %s: similarity of %s", what, describe(lookup), top.id())
                        .isCloseTo(trueSimilarity, Offset.offset(TOLERANCE));
                if (truth.getFirst().similarity() >= 0.8) {
                    close++;
                    if (truth.getFirst().similarity() - top.similarity() <= TOLERANCE) {
                        found++;
                    }
                }
            }
            assertThat(found).as("%s: of %d lookups with an entry at cosine >= 0.8, those finding the nearest", what, close)
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.95 * close));
        }
    }

    /**
     * The same neighbours as the reference, rank by rank: similarities within {@link #TOLERANCE}, and the same id
     * wherever the similarity is not tied (within the tolerance) with another candidate, the cut-off included.
     */
    static void assertSameNeighbors(List<Neighbor> actual, BruteForceIndex reference, Lookup lookup, String what) {
        List<Neighbor> expected = reference.nearest(lookup.partition(), lookup.vector(), lookup.k() + 1);
        List<Neighbor> kept = expected.subList(0, Math.min(lookup.k(), expected.size()));
        assertThat(actual).as("%s: count", what).hasSameSizeAs(kept);
        for (int i = 0; i < kept.size(); i++) {
            assertThat((double) actual.get(i).similarity()).as("%s: similarity at rank %d", what, i)
                    .isCloseTo(kept.get(i).similarity(), Offset.offset(TOLERANCE));
            boolean tiedAbove = i > 0 && expected.get(i - 1).similarity() - expected.get(i).similarity() <= 2 * TOLERANCE;
            boolean tiedBelow = i + 1 < expected.size() && expected.get(i).similarity() - expected.get(i + 1).similarity() <= 2 * TOLERANCE;
            if (!tiedAbove && !tiedBelow) {
                assertThat(actual.get(i).id()).as("%s: id at rank %d", what, i).isEqualTo(kept.get(i).id());
            }
        }
    }

    private static String describe(Lookup lookup) {
        return "lookup[partition='" + lookup.partition() + "', k=" + lookup.k() + "]";
    }
}
