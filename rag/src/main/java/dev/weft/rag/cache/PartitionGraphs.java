package dev.weft.rag.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which graph a partition's next entry goes into. A partition's first {@code threshold} entries go into the
 * graph all partitions share, where a lookup must filter on the partition (and steps over other partitions'
 * entries); the entries beyond, into a graph of the partition's own ({@link EntryDocuments#ownGraphField}), which a
 * lookup searches without a filter. So many small partitions cost one graph, and a large one is searched as if it
 * were alone in the index.
 *
 * <p>The count kept per partition is of its entries in the shared graph: seeded from the index the first time a
 * partition is written after opening (or after its count was dropped: at most {@value #TRACKED} partitions are
 * tracked, the least used dropped first), raised by each put into the shared graph, and set again from the index
 * by each lookup ({@link #observed}), which sees replacements and removals once Lucene has merged them away. The
 * count steers placement only: a lookup searches both graphs, so a count that is off (concurrent puts, a seed from a
 * searcher that has not seen the latest writes) costs speed, never a result. Thread-safe.
 */
final class PartitionGraphs {
    /** How many partitions' counts are kept at most. */
    static final int TRACKED = 10_000;

    private final int threshold;
    private final Cache<String, AtomicInteger> sharedCounts = Caffeine.newBuilder().maximumSize(TRACKED).build();

    /** @param threshold entries per partition kept in the shared graph; {@link Integer#MAX_VALUE} for all of them */
    PartitionGraphs(int threshold) {
        this.threshold = threshold;
    }

    /**
     * Whether the partition's next entry goes into its own graph; if not, counts it into the shared graph.
     *
     * @param seed the partition's entries in the shared graph as the index shows them now; read only when the
     *     partition is not tracked
     */
    boolean nextGoesToOwnGraph(String partition, SharedCount seed) throws IOException {
        if (threshold == 0) {
            return true;
        }
        if (threshold == Integer.MAX_VALUE) {
            return false;
        }
        AtomicInteger count = sharedCounts.getIfPresent(partition);
        if (count == null) {
            int seeded = seed.read(partition);
            count = sharedCounts.get(partition, p -> new AtomicInteger(seeded));
        }
        while (true) {
            int now = count.get();
            if (now >= threshold) {
                return true;
            }
            if (count.compareAndSet(now, now + 1)) {
                return false;
            }
        }
    }

    /** A lookup saw {@code sharedDocuments} documents of the partition in the shared graph (removed ones included). */
    void observed(String partition, int sharedDocuments) {
        AtomicInteger count = sharedCounts.getIfPresent(partition);
        if (count != null) {
            count.set(sharedDocuments);
        }
    }

    /** Reads a partition's document count in the shared graph from the index. */
    @FunctionalInterface
    interface SharedCount {
        int read(String partition) throws IOException;
    }
}
