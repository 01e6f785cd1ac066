package dev.weft.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Loads the real BEIR SciFact dataset when it is present at {@code /work/shared/data/beir-scifact} (or the
 * folder named by {@code -Dweft.beir.scifact}); skipped otherwise. The counts are those BEIR publishes.
 */
class BeirScifactTest {
    private static final Path SCIFACT = Path.of(System.getProperty("weft.beir.scifact", "/work/shared/data/beir-scifact"));

    @Test
    void loadsTheTestSplitWithThePublishedCounts() {
        assumeTrue(Files.isDirectory(SCIFACT), "BEIR SciFact is not at " + SCIFACT);

        BeirDataset scifact = BeirDataset.load(SCIFACT, "test");

        assertThat(scifact.queries()).hasSize(300);
        assertThat(scifact.qrels().queryIds()).hasSize(300);
        assertThat(scifact.qrels().size()).isEqualTo(339);
        assertThat(scifact.corpus().count()).isEqualTo(5_183);
        assertThat(BeirDataset.readQueries(SCIFACT.resolve("queries.jsonl"))).hasSize(1_109);
        assertThat(scifact.queries().values()).allSatisfy(q -> assertThat(q.text()).isNotBlank());
    }
}
