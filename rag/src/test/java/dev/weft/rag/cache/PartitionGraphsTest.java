package dev.weft.rag.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where a partition's next entry goes: the shared graph up to the threshold, its own graph after. */
class PartitionGraphsTest {

    private static List<Boolean> placements(PartitionGraphs graphs, String partition, int puts, PartitionGraphs.SharedCount seed)
            throws IOException {
        List<Boolean> own = new ArrayList<>();
        for (int i = 0; i < puts; i++) {
            own.add(graphs.nextGoesToOwnGraph(partition, seed));
        }
        return own;
    }

    @Test
    void theFirstEntriesUpToTheThresholdShareTheGraphAndTheRestGoToTheirOwn() throws IOException {
        PartitionGraphs graphs = new PartitionGraphs(3);
        assertThat(placements(graphs, "p", 5, p -> 0)).containsExactly(false, false, false, true, true);
        assertThat(placements(graphs, "q", 2, p -> 0)).as("each partition counts its own").containsExactly(false, false);
    }

    @Test
    void theCountIsSeededFromTheIndexOnceAndResetByLookups() throws IOException {
        PartitionGraphs graphs = new PartitionGraphs(3);
        AtomicInteger seeds = new AtomicInteger();
        PartitionGraphs.SharedCount index = p -> {
            seeds.incrementAndGet();
            return 2;
        };
        assertThat(placements(graphs, "p", 2, index)).containsExactly(false, true);
        assertThat(seeds).hasValue(1);
        graphs.observed("p", 1); // replaced entries merged away: the shared graph holds fewer than counted
        assertThat(placements(graphs, "p", 3, index)).containsExactly(false, false, true);
        graphs.observed("untracked", 0);
        assertThat(placements(graphs, "untracked", 1, p -> 5)).as("a lookup does not start tracking a partition").containsExactly(true);
    }

    @Test
    void zeroGivesEveryEntryItsOwnGraphAndMaxValueNone() throws IOException {
        PartitionGraphs.SharedCount never = p -> {
            throw new AssertionError("no count needed");
        };
        assertThat(placements(new PartitionGraphs(0), "p", 3, never)).containsOnly(true);
        assertThat(placements(new PartitionGraphs(Integer.MAX_VALUE), "p", 3, never)).containsOnly(false);
    }

    @Test
    void ownGraphFieldsAreShortDistinctAndStable() {
        String field = EntryDocuments.ownGraphField("tenant-a/" + "x".repeat(10_000));
        assertThat(field).startsWith(EntryDocuments.OWN_GRAPH_PREFIX).hasSize(EntryDocuments.OWN_GRAPH_PREFIX.length() + 43);
        assertThat(EntryDocuments.ownGraphField("a")).isEqualTo(EntryDocuments.ownGraphField("a"))
                .isNotEqualTo(EntryDocuments.ownGraphField("b"))
                .isNotEqualTo(EntryDocuments.ownGraphField(""));
    }
}
