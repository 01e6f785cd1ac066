package dev.weft.rag.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.cache.VectorIndex;
import dev.weft.core.cache.VectorIndex.Neighbor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The index's contract by example: writes, lookups, errors, lifecycle and persistence. */
class LuceneVectorIndexTest {
    private static final float[] X = {1, 0, 0};
    private static final float[] Y = {0, 1, 0};
    private static final float[] XY = {1, 1, 0};

    private static LuceneVectorIndex index() {
        return LuceneVectorIndex.builder().inMemory().dimension(3).build();
    }

    @Test
    void nearestReturnsThePartitionsEntriesMostSimilarFirstWithTheirCosine() {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "x", X);
            index.put("p", "y", Y);
            index.put("p", "xy", XY);
            index.put("q", "x-in-q", X);

            assertThat(index.nearest("p", new float[] {1, 0.1f, 0}, 3)).extracting(Neighbor::id).containsExactly("x", "xy", "y");
            List<Neighbor> top = index.nearest("p", X, 2);
            assertThat(top.get(0)).isEqualTo(new Neighbor("x", 1f));
            assertThat(top.get(1).similarity()).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
            assertThat(index.nearest("q", Y, 5)).containsExactly(new Neighbor("x-in-q", 0f));
            assertThat(index.nearest("nobody", X, 5)).isEmpty();
            assertThat(index.size()).isEqualTo(4);
        }
    }

    @Test
    void vectorsAreComparedByDirectionWhateverTheirLength() {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "long", new float[] {300, 400, 0});
            index.put("p", "tiny", new float[] {0, 1e-30f, 0});
            assertThat(index.nearest("p", new float[] {0.6f, 0.8f, 0}, 1).getFirst().similarity()).isCloseTo(1f, within(1e-6f));
            assertThat(index.nearest("p", new float[] {0, 7, 0}, 1).getFirst())
                    .satisfies(n -> assertThat(n.id()).isEqualTo("tiny"))
                    .satisfies(n -> assertThat(n.similarity()).isCloseTo(1f, within(1e-6f)));
        }
    }

    @Test
    void oppositeVectorsHaveSimilarityMinusOne() {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "x", X);
            assertThat(index.nearest("p", new float[] {-1, 0, 0}, 1)).containsExactly(new Neighbor("x", -1f));
        }
    }

    @Test
    void putReplacesAnEntryAndMovesItBetweenPartitions() {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "e", X);
            index.put("p", "e", Y);
            assertThat(index.nearest("p", Y, 5)).containsExactly(new Neighbor("e", 1f));
            index.put("q", "e", Y);
            assertThat(index.nearest("p", Y, 5)).isEmpty();
            assertThat(index.nearest("q", Y, 5)).containsExactly(new Neighbor("e", 1f));
            assertThat(index.size()).isEqualTo(1);
        }
    }

    @Test
    void removeDeletesTheEntryAndIgnoresUnknownIds() {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "x", X);
            index.put("p", "y", Y);
            index.remove("x");
            index.remove("never-there");
            assertThat(index.nearest("p", X, 5)).extracting(Neighbor::id).containsExactly("y");
            assertThat(index.size()).isEqualTo(1);
            index.put("p", "x", X);
            assertThat(index.nearest("p", X, 1)).extracting(Neighbor::id).containsExactly("x");
        }
    }

    @Test
    void emptyStringsAndUnicodeAreOrdinaryPartitionsAndIds() {
        try (LuceneVectorIndex index = index()) {
            index.put("", "", X);
            index.put("テナント", "é", Y);
            assertThat(index.nearest("", X, 5)).containsExactly(new Neighbor("", 1f));
            assertThat(index.nearest("テナント", X, 5)).extracting(Neighbor::id).containsExactly("é");
        }
    }

    @Test
    void theCallersArraysAreCopied() {
        try (LuceneVectorIndex index = index()) {
            float[] stored = X.clone();
            index.put("p", "x", stored);
            stored[0] = -1;
            assertThat(index.nearest("p", X, 1)).containsExactly(new Neighbor("x", 1f));
        }
    }

    static Stream<Arguments> badCalls() {
        float[] longer = {1, 0, 0, 0};
        return Stream.of(
                Arguments.argumentSet("put with a longer vector", call(i -> i.put("p", "a", longer)), "dimension 4"),
                Arguments.argumentSet("lookup with a shorter vector", call(i -> i.nearest("p", new float[] {1, 0}, 1)), "dimension 2"),
                Arguments.argumentSet("put with NaN", call(i -> i.put("p", "a", new float[] {1, Float.NaN, 0})), "non-finite"),
                Arguments.argumentSet("lookup with infinity", call(i -> i.nearest("p", new float[] {Float.POSITIVE_INFINITY, 0, 0}, 1)), "non-finite"),
                Arguments.argumentSet("put with zeros", call(i -> i.put("p", "a", new float[3])), "all zeros"),
                Arguments.argumentSet("lookup with zeros", call(i -> i.nearest("p", new float[3], 1)), "all zeros"),
                Arguments.argumentSet("put with null vector", call(i -> i.put("p", "a", null)), "must not be null"),
                Arguments.argumentSet("put with null partition", call(i -> i.put(null, "a", X)), "partition"),
                Arguments.argumentSet("put with null id", call(i -> i.put("p", null, X)), "id"),
                Arguments.argumentSet("remove null", call(i -> i.remove(null)), "id"),
                Arguments.argumentSet("lookup in null partition", call(i -> i.nearest(null, X, 1)), "partition"),
                Arguments.argumentSet("lookup with k = 0", call(i -> i.nearest("p", X, 0)), "k must be at least 1"),
                Arguments.argumentSet("put with a 40 kB id", call(i -> i.put("p", "x".repeat(40_000), X)), "32766"));
    }

    @ParameterizedTest
    @MethodSource("badCalls")
    void badArgumentsThrowInvalidInputNamingTheProblem(Consumer<LuceneVectorIndex> call, String message) {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "kept", X);
            assertThatThrownBy(() -> call.accept(index)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
            assertThat(index.nearest("p", X, 5)).extracting(Neighbor::id).containsExactly("kept");
        }
    }

    @Test
    void hugeKReturnsTheWholePartition() {
        try (LuceneVectorIndex index = index()) {
            index.put("p", "x", X);
            index.put("p", "y", Y);
            assertThat(index.nearest("p", X, Integer.MAX_VALUE)).hasSize(2);
            try (LuceneVectorIndex graphOnly = LuceneVectorIndex.builder().inMemory().dimension(3).exactSearchThreshold(0).build()) {
                graphOnly.put("p", "x", X);
                assertThat(graphOnly.nearest("p", X, Integer.MAX_VALUE)).hasSize(1);
            }
            try (LuceneVectorIndex ownGraphs = LuceneVectorIndex.builder().inMemory().dimension(3).exactSearchThreshold(0)
                    .ownGraphThreshold(0).build()) {
                ownGraphs.put("p", "x", X);
                ownGraphs.put("p", "y", Y);
                ownGraphs.put("p", "xy", XY);
                ownGraphs.put("q", "z", X);
                ownGraphs.remove("y");
                assertThat(ownGraphs.nearest("p", X, Integer.MAX_VALUE)).extracting(Neighbor::id).containsExactly("x", "xy");
            }
        }
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.argumentSet("no dimension", LuceneVectorIndex.builder().inMemory(), "dimension(..) is required"),
                Arguments.argumentSet("neither path nor in memory", LuceneVectorIndex.builder().dimension(3), "exactly one of path(..) and inMemory(); got neither"),
                Arguments.argumentSet("both path and in memory", LuceneVectorIndex.builder().dimension(3).inMemory().path(Path.of("x")), "got both"),
                Arguments.argumentSet("dimension 1025", LuceneVectorIndex.builder().inMemory().dimension(1025), "dimension(..)"),
                Arguments.argumentSet("maxConn 0", LuceneVectorIndex.builder().inMemory().dimension(3).hnsw(0, 100), "hnsw(maxConn"),
                Arguments.argumentSet("beamWidth 0", LuceneVectorIndex.builder().inMemory().dimension(3).hnsw(16, 0), "hnsw(.., beamWidth)"),
                Arguments.argumentSet("candidates 0", LuceneVectorIndex.builder().inMemory().dimension(3).candidates(0), "candidates(..)"),
                Arguments.argumentSet("negative exact threshold", LuceneVectorIndex.builder().inMemory().dimension(3).exactSearchThreshold(-1), "exactSearchThreshold(..)"),
                Arguments.argumentSet("negative own-graph threshold", LuceneVectorIndex.builder().inMemory().dimension(3).ownGraphThreshold(-1), "ownGraphThreshold(..)"),
                Arguments.argumentSet("negative staleness", LuceneVectorIndex.builder().inMemory().dimension(3).maxStaleness(Duration.ofMillis(-1)), "maxStaleness(..)"),
                Arguments.argumentSet("null staleness", LuceneVectorIndex.builder().inMemory().dimension(3).maxStaleness(null), "maxStaleness(..)"),
                Arguments.argumentSet("null ticker", LuceneVectorIndex.builder().inMemory().dimension(3).ticker(null), "ticker(..)"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void buildNamesTheBadOption(LuceneVectorIndex.Builder builder, String option) {
        assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class).hasMessageContaining(option);
    }

    @Test
    void forceMergeKeepsEveryEntryAndAnswer() {
        try (LuceneVectorIndex index = index()) {
            for (int i = 0; i < 300; i++) {
                index.put("p" + (i % 3), "e" + i, new float[] {1, i, i % 7});
                if (i % 50 == 49) {
                    index.nearest("p0", X, 1); // a reopen per 50 writes: several segments
                }
            }
            index.remove("e0");
            List<Neighbor> before = index.nearest("p1", XY, 10);
            index.forceMerge();
            assertThat(index.size()).isEqualTo(299);
            assertThat(index.nearest("p1", XY, 10)).isEqualTo(before);
        }
    }

    /**
     * Past the own-graph threshold a partition's entries go into a graph of its own; lookups search both graphs, so
     * replacing, moving and removing entries on either side, merging, and reopening with another threshold (or none)
     * lose nothing. The partitions are small enough for the exact path, so the answers are exact.
     */
    @Test
    void entriesInAPartitionsOwnGraphAreFoundReplacedMovedAndRemovedLikeAnyOther(@TempDir Path dir) {
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(3).ownGraphThreshold(2).build()) {
            index.put("p", "shared-1", X);
            index.put("p", "shared-2", Y);
            index.put("p", "own-1", XY); // the third entry of p: its own graph
            index.put("p", "own-2", new float[] {1, 0.1f, 0});
            index.put("q", "q-1", X);
            assertThat(index.nearest("p", X, 4)).extracting(Neighbor::id).containsExactly("shared-1", "own-2", "own-1", "shared-2");
            assertThat(index.nearest("q", X, 4)).containsExactly(new Neighbor("q-1", 1f));

            index.put("p", "own-2", new float[] {0, 0, 1}); // replaced in place
            index.put("q", "own-1", XY); // moved from p's own graph to q's shared one
            index.put("p", "q-1", Y); // moved from q into p's own graph
            index.remove("shared-2");
            float[] nearY = {0.1f, 1, 0};
            assertThat(index.nearest("p", nearY, 5)).extracting(Neighbor::id).containsExactly("q-1", "shared-1", "own-2");
            assertThat(index.nearest("q", XY, 5)).extracting(Neighbor::id).containsExactly("own-1");
            assertThat(index.size()).isEqualTo(4);
            List<Neighbor> before = index.nearest("p", XY, 5);
            index.forceMerge();
            assertThat(index.nearest("p", XY, 5)).isEqualTo(before);
        }
        float[] away = {-1, 0, -1};
        int entries = 3;
        for (int threshold : new int[] {0, Integer.MAX_VALUE}) {
            try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(3).ownGraphThreshold(threshold).build()) {
                assertThat(index.nearest("p", new float[] {0.1f, 1, 0}, 3)).as("reopened with threshold %d", threshold)
                        .extracting(Neighbor::id).containsExactly("q-1", "shared-1", "own-2");
                index.put("p", "late-" + threshold, away);
                entries++;
                assertThat(index.nearest("p", away, entries + 1)).as("reopened with threshold %d", threshold)
                        .hasSize(entries).first().satisfies(n -> assertThat(n.id()).startsWith("late-"));
            }
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsThrowResourceClosed() {
        LuceneVectorIndex index = index();
        index.put("p", "x", X);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.put("p", "y", Y)).isInstanceOf(ResourceClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> index.remove("x")).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> index.nearest("p", X, 1)).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(index::size).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(index::commit).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(index::forceMerge).isInstanceOf(ResourceClosedException.class);
    }

    @Test
    void anIndexOnDiskComesBackAfterCloseAndAfterCommit(@TempDir Path dir) {
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(3).build()) {
            index.put("p", "x", X);
            index.put("p", "y", Y);
            index.remove("y");
        }
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(3).build()) {
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.nearest("p", X, 5)).containsExactly(new Neighbor("x", 1f));
            index.put("q", "z", XY);
            index.commit();
        }
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(3).build()) {
            assertThat(index.nearest("q", XY, 5)).extracting(Neighbor::id).containsExactly("z");
        }
    }

    @Test
    void reopeningWithAnotherDimensionIsRefused(@TempDir Path dir) {
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().path(dir).dimension(3).build()) {
            index.put("p", "x", X);
        }
        assertThatThrownBy(() -> LuceneVectorIndex.builder().path(dir).dimension(4).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension 3").hasMessageContaining("dimension 4");
    }

    @Test
    void aSecondIndexOnTheSameDirectoryIsRefusedWhileTheFirstIsOpen(@TempDir Path dir) {
        try (LuceneVectorIndex first = LuceneVectorIndex.builder().path(dir).dimension(3).build()) {
            assertThatThrownBy(() -> LuceneVectorIndex.builder().path(dir).dimension(3).build())
                    .isInstanceOf(LuceneVectorIndexException.class).hasMessageContaining("locked");
            first.put("p", "x", X);
        }
    }

    @Test
    void aDirectoryHoldingAnotherLuceneIndexIsRefused(@TempDir Path dir) throws Exception {
        try (FSDirectory fs = FSDirectory.open(dir); IndexWriter other = new IndexWriter(fs, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("title", "not a cache", Field.Store.YES));
            other.addDocument(doc);
        }
        assertThatThrownBy(() -> LuceneVectorIndex.builder().path(dir).dimension(3).build())
                .isInstanceOf(LuceneVectorIndexException.class).hasMessageContaining("did not write");
    }

    @Test
    void isAVectorIndex() {
        try (VectorIndex index = index()) {
            assertThat(index.size()).isZero();
            assertThat(index.toString()).contains("in-memory").contains("dimension=3");
        }
    }

    private static Consumer<LuceneVectorIndex> call(Consumer<LuceneVectorIndex> c) {
        return c;
    }
}
