package dev.weft.benchmarks;

import dev.weft.core.cache.VectorIndex;
import dev.weft.core.cache.VectorIndex.Neighbor;
import dev.weft.rag.cache.LuceneVectorIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * The lookup of a semantic cache holding 100,000 entries, the embedding excluded: the real all-MiniLM-L6-v2 vectors
 * of 100,000 Quora questions ({@link QqpVectors}, cached under {@code target/cache}) as the cached prompts, and
 * 1,000 other Quora questions as the lookups, each asking for its single nearest entry ({@code k = 1}), as the
 * cache does. Prints one line per figure:
 *
 * <ul>
 *   <li>an exact scan ({@link VectorUtil#dotProduct} over every entry of the partition, unit vectors): the truth for
 *       recall, and what a cache without an index pays (core's exact in-memory index scans the same way);</li>
 *   <li>{@link LuceneVectorIndex} in memory, one partition and 8, merged into one segment
 *       ({@link LuceneVectorIndex#forceMerge()}): indexing rate, lookup latency p50/p99 in µs, recall@1 against the
 *       exact scan (over all lookups, and over those whose nearest entry is at cosine 0.8 or more, where a cache
 *       threshold lives); in 8 partitions with the default layout ({@code own_graphs}: a partition's entries past
 *       its first 1,000 in a graph of its own) and with every entry in one shared graph ({@code shared_graph}, the
 *       partition a filter inside the search);</li>
 *   <li>what a write costs: put latency, and the latency of the same thread's next lookup, which must see the put
 *       and so reopens the searcher first;</li>
 *   <li>the index on disk (memory-mapped) in one partition as Lucene's merge policy leaves it (several segments),
 *       for {@code candidates} 8 to 64; then merged, for {@code candidates} 16 to 128; in 8 partitions, both
 *       layouts, as written and merged; and 8 partitions filled as a cache fills (a lookup after every 10 puts).</li>
 * </ul>
 *
 * <p>Run: {@code ./benchmarks/run SemanticCacheLookup [rounds=5]}. Target: p99 ≤ 1 ms with the Lucene index.
 */
public final class SemanticCacheLookup {
    private static final int WARMUP_ROUNDS = 2;
    private static final double CACHE_RANGE = 0.8;
    /** The index's default: a partition's entries past the first 1,000 in a graph of its own. */
    private static final int DEFAULT_OWN_GRAPHS = 1_000;
    /** Every entry in the one shared graph, the partition a filter inside the search. */
    private static final int SHARED_GRAPH = Integer.MAX_VALUE;

    private SemanticCacheLookup() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        float[][] entries = QqpVectors.corpus();
        float[][] queries = QqpVectors.queries();
        int dimension = entries[0].length;
        System.out.printf(Locale.ROOT, "# entries=%d queries=%d dimension=%d k=1 rounds=%d (+%d warm-up) cores=%d Java %s%n",
                entries.length, queries.length, dimension, rounds, WARMUP_ROUNDS,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        Result[] truth = new Result[9];
        for (int partitions : new int[] {1, 8}) {
            String tag = "p" + partitions;
            truth[partitions] = measure(queries, partitions, rounds, new ExactScan(entries, partitions)::nearest);
            System.out.printf(Locale.ROOT, "lookup.%s.exact_scan.latency_us p50=%.0f p99=%.0f (%d entries per partition)%n",
                    tag, truth[partitions].latency.micros(50), truth[partitions].latency.micros(99), entries.length / partitions);
            // In 8 partitions, also the index with every entry in one shared graph, the partition as a filter (the
            // layout before partitions had graphs of their own): the side-by-side for ownGraphThreshold.
            for (int ownGraphThreshold : partitions == 1 ? new int[] {DEFAULT_OWN_GRAPHS} : new int[] {DEFAULT_OWN_GRAPHS, SHARED_GRAPH}) {
                String layout = layout(ownGraphThreshold);
                try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(dimension)
                        .ownGraphThreshold(ownGraphThreshold).build()) {
                    long start = System.nanoTime();
                    fill(index, entries, partitions);
                    index.nearest(partition(0, partitions), queries[0], 1); // the first reopen
                    double fillSeconds = (System.nanoTime() - start) / 1e9;
                    start = System.nanoTime();
                    index.forceMerge();
                    index.nearest(partition(0, partitions), queries[0], 1);
                    System.out.printf(Locale.ROOT, "lookup.%s.lucene_memory.%s.index entries_per_s=%.0f seconds=%.1f force_merge_seconds=%.1f%n",
                            tag, layout, entries.length / fillSeconds, fillSeconds, (System.nanoTime() - start) / 1e9);
                    printLucene(tag, "lucene_memory_merged." + layout, measure(queries, partitions, rounds, index::nearest), truth[partitions]);
                    if (partitions == 1) {
                        writeThenLookup(index, queries, tag);
                    }
                }
            }
        }

        Path dir = Files.createTempDirectory("weft-cache-lookup");
        try {
            try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(dimension).build()) {
                fill(index, entries, 1);
            } // closing commits and waits for running merges: the index as Lucene's merge policy leaves it
            System.out.printf(Locale.ROOT, "lookup.p1.lucene_disk.segments as_written=%s%n", segments(dir));
            for (int candidates : new int[] {8, 16, 32, 64}) {
                try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(dimension).candidates(candidates).build()) {
                    printLucene("p1", "lucene_disk.candidates_" + candidates, measure(queries, 1, rounds, index::nearest), truth[1]);
                }
            }
            try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(dimension).build()) {
                index.forceMerge();
            }
            for (int candidates : new int[] {16, 32, 64, 128}) {
                try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(dimension).candidates(candidates).build()) {
                    printLucene("p1", "lucene_disk_merged.candidates_" + candidates, measure(queries, 1, rounds, index::nearest), truth[1]);
                }
            }
        } finally {
            deleteTree(dir);
        }

        for (int ownGraphThreshold : new int[] {DEFAULT_OWN_GRAPHS, SHARED_GRAPH}) {
            String layout = layout(ownGraphThreshold);
            Path dir8 = Files.createTempDirectory("weft-cache-lookup-p8");
            try {
                try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir8).dimension(dimension)
                        .ownGraphThreshold(ownGraphThreshold).build()) {
                    fill(index, entries, 8);
                }
                System.out.printf(Locale.ROOT, "lookup.p8.lucene_disk.%s.segments as_written=%s%n", layout, segments(dir8));
                try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir8).dimension(dimension)
                        .ownGraphThreshold(ownGraphThreshold).build()) {
                    printLucene("p8", "lucene_disk." + layout + ".candidates_32", measure(queries, 8, rounds, index::nearest), truth[8]);
                    index.forceMerge();
                }
                for (int candidates : ownGraphThreshold == SHARED_GRAPH ? new int[] {32} : new int[] {16, 32, 64}) {
                    try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir8).dimension(dimension)
                            .ownGraphThreshold(ownGraphThreshold).candidates(candidates).build()) {
                        printLucene("p8", "lucene_disk_merged." + layout + ".candidates_" + candidates,
                                measure(queries, 8, rounds, index::nearest), truth[8]);
                    }
                }
            } finally {
                deleteTree(dir8);
            }
        }
        filledAsACacheFills(entries, queries, dimension, rounds, truth[8]);
    }

    /**
     * 8 partitions filled as a cache fills: a lookup after every 10 puts, on the same thread, so the searcher reopens
     * each time and Lucene merges the small segments that leaves as it goes; measured as the writes left it.
     */
    private static void filledAsACacheFills(float[][] entries, float[][] queries, int dimension, int rounds, Result truth) throws IOException {
        Path dir = Files.createTempDirectory("weft-cache-lookup-live");
        try {
            long start = System.nanoTime();
            try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(dimension).build()) {
                for (int i = 0; i < entries.length; i++) {
                    index.put(partition(i, 8), Integer.toString(i), entries[i]);
                    if (i % 10 == 9) {
                        index.nearest(partition(i, 8), queries[i % queries.length], 1);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "lookup.p8.lucene_disk_live.own_graphs.segments as_written=%s fill_seconds=%.1f (a lookup every 10 puts)%n",
                    segments(dir), (System.nanoTime() - start) / 1e9);
            try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(dimension).build()) {
                printLucene("p8", "lucene_disk_live.own_graphs.candidates_32", measure(queries, 8, rounds, index::nearest), truth);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static String layout(int ownGraphThreshold) {
        return ownGraphThreshold == SHARED_GRAPH ? "shared_graph" : "own_graphs";
    }

    /** The documents per segment of the index's last commit. */
    private static String segments(Path dir) throws IOException {
        try (FSDirectory fs = FSDirectory.open(dir)) {
            List<String> sizes = new ArrayList<>();
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(fs)) {
                sizes.add(Integer.toString(segment.info.maxDoc()));
            }
            return sizes.size() + " (" + String.join("+", sizes) + " entries)";
        }
    }

    private static void fill(LuceneVectorIndex index, float[][] entries, int partitions) {
        for (int i = 0; i < entries.length; i++) {
            index.put(partition(i, partitions), Integer.toString(i), entries[i]);
        }
    }

    private static String partition(int i, int partitions) {
        return "tenant-" + (i % partitions);
    }

    private static void printLucene(String tag, String name, Result lucene, Result truth) {
        int agree = 0;
        int close = 0;
        int closeAgree = 0;
        for (int q = 0; q < truth.top.length; q++) {
            boolean same = truth.top[q].id().equals(lucene.top[q].id())
                    || Math.abs(truth.top[q].similarity() - lucene.top[q].similarity()) <= 1e-6;
            agree += same ? 1 : 0;
            if (truth.top[q].similarity() >= CACHE_RANGE) {
                close++;
                closeAgree += same ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "lookup.%s.%s.latency_us p50=%.0f p99=%.0f (target p99 <= 1000)%n",
                tag, name, lucene.latency.micros(50), lucene.latency.micros(99));
        System.out.printf(Locale.ROOT, "lookup.%s.%s.recall@1 all=%.4f (%d lookups) cosine>=%.1f=%.4f (%d lookups) vs exact scan%n",
                tag, name, agree / (double) truth.top.length, truth.top.length, CACHE_RANGE, closeAgree / (double) close, close);
    }

    /** 1,000 puts of new entries, each followed by a lookup on the same thread, which must see it. */
    private static void writeThenLookup(LuceneVectorIndex index, float[][] queries, String tag) {
        long[] puts = new long[queries.length];
        long[] lookups = new long[queries.length];
        for (int q = 0; q < queries.length; q++) {
            long t = System.nanoTime();
            index.put(partition(0, 1), "new-" + q, queries[q]);
            puts[q] = System.nanoTime() - t;
            t = System.nanoTime();
            List<Neighbor> found = index.nearest(partition(0, 1), queries[(q + 1) % queries.length], 1);
            lookups[q] = System.nanoTime() - t;
            if (found.isEmpty()) {
                throw new IllegalStateException("a lookup found nothing");
            }
        }
        Percentiles p = new Percentiles(puts);
        Percentiles l = new Percentiles(lookups);
        System.out.printf(Locale.ROOT, "lookup.%s.lucene_memory.put_latency_us p50=%.0f p99=%.0f%n", tag, p.micros(50), p.micros(99));
        System.out.printf(Locale.ROOT, "lookup.%s.lucene_memory.lookup_after_own_put_latency_us p50=%.0f p99=%.0f max=%.0f (reopens the searcher first)%n",
                tag, l.micros(50), l.micros(99), l.micros(100));
    }

    private static Result measure(float[][] queries, int partitions, int rounds, Lookup lookup) {
        Neighbor[] top = new Neighbor[queries.length];
        long[] nanos = new long[queries.length * rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int q = 0; q < queries.length; q++) {
                String partition = partition(q, partitions);
                long t = System.nanoTime();
                List<Neighbor> found = lookup.nearest(partition, queries[q], 1);
                long elapsed = System.nanoTime() - t;
                if (round >= 0) {
                    nanos[round * queries.length + q] = elapsed;
                }
                top[q] = found.getFirst();
            }
        }
        return new Result(top, new Percentiles(nanos));
    }

    @FunctionalInterface
    private interface Lookup {
        List<Neighbor> nearest(String partition, float[] vector, int k);
    }

    private record Result(Neighbor[] top, Percentiles latency) {}

    /** The exact reference: every entry of the partition, scored with Lucene's SIMD dot product (unit vectors). */
    private static final class ExactScan {
        private final float[][][] byPartition;
        private final int[][] ids;

        ExactScan(float[][] entries, int partitions) {
            byPartition = new float[partitions][][];
            ids = new int[partitions][];
            for (int p = 0; p < partitions; p++) {
                int size = (entries.length - p + partitions - 1) / partitions;
                byPartition[p] = new float[size][];
                ids[p] = new int[size];
                for (int i = p, j = 0; i < entries.length; i += partitions, j++) {
                    byPartition[p][j] = entries[i];
                    ids[p][j] = i;
                }
            }
        }

        List<Neighbor> nearest(String partition, float[] query, int k) {
            int p = Integer.parseInt(partition.substring("tenant-".length()));
            float[][] vectors = byPartition[p];
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < vectors.length; i++) {
                float score = VectorUtil.dotProduct(query, vectors[i]);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            return List.of(new VectorIndex.Neighbor(Integer.toString(ids[p][best]), bestScore));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
