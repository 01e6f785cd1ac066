package dev.weft.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.testing.Generated;
import dev.weft.core.testing.ModelValues;
import dev.weft.core.testing.RetrievalValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch that is wrong anywhere (a vector of the wrong dimension, an id twice) is refused with
 * {@link InvalidInputException} and nothing of it is written: the store's size and contents are unchanged.
 */
class InMemoryVectorStoreRejectedBatchTest {

    /** A store's initial chunks, and a bad batch that would also replace some of them. */
    record Case(int dimension, List<StoredChunk> initial, List<StoredChunk> badBatch, String problem) {}

    static Case generate(Random r) {
        int dimension = r.intRange(1, 16);
        List<StoredChunk> initial = new ArrayList<>();
        int n = r.intRange(0, 30);
        for (int i = 0; i < n; i++) {
            initial.add(new StoredChunk("c" + i, "t", ModelValues.vector(r, dimension), RetrievalValues.poolMetadata(r)));
        }
        List<StoredChunk> batch = new ArrayList<>();
        int m = r.intRange(0, 10);
        for (int i = 0; i < m; i++) {
            batch.add(new StoredChunk("c" + r.intRange(0, 60), "new", ModelValues.vector(r, dimension), null));
        }
        batch = new ArrayList<>(batch.stream().collect(java.util.stream.Collectors.toMap(
                StoredChunk::id, c -> c, (a, b) -> a, java.util.LinkedHashMap::new)).values());
        String problem;
        int at = r.intRange(0, batch.size());
        if (r.trueOrFalse() || batch.isEmpty()) {
            int wrong = r.trueOrFalse() ? dimension + r.intRange(1, 3) : r.intRange(0, dimension - 1);
            batch.add(at, new StoredChunk("bad", "t", new float[wrong], null));
            problem = "dimension";
        } else {
            StoredChunk twice = batch.get(r.intRange(0, batch.size() - 1));
            batch.add(at, new StoredChunk(twice.id(), "again", ModelValues.vector(r, dimension), null));
            problem = "appears twice";
        }
        return new Case(dimension, initial, batch, problem);
    }

    static Stream<Arguments> cases() {
        return Generated.cases(100, InMemoryVectorStoreRejectedBatchTest::generate);
    }

    private static Map<String, StoredChunk> contents(InMemoryVectorStore store, List<StoredChunk> candidates) {
        Map<String, StoredChunk> out = new TreeMap<>();
        for (StoredChunk c : candidates) {
            store.get(c.id()).ifPresent(found -> out.put(found.id(), found));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aBadBatchWritesNothing(Case c) {
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().dimension(c.dimension()).build()) {
            store.upsert(c.initial());
            List<StoredChunk> everyId = new ArrayList<>(c.initial());
            everyId.addAll(c.badBatch());
            Map<String, StoredChunk> before = contents(store, everyId);
            long sizeBefore = store.size();

            assertThatThrownBy(() -> store.upsert(c.badBatch()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(c.problem());

            assertThat(store.size()).isEqualTo(sizeBefore);
            assertThat(contents(store, everyId)).isEqualTo(before);
        }
    }

    @Test
    void wrongDimensionMessageNamesTheChunkAndBothDimensions() {
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().dimension(3).build()) {
            assertThatThrownBy(() -> store.upsert(List.of(
                    new StoredChunk("ok", "t", new float[3], null), new StoredChunk("short", "t", new float[2], null))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("chunk 'short'")
                    .hasMessageContaining("dimension 2")
                    .hasMessageContaining("dimension 3");
            assertThat(store.size()).isZero();
            assertThatThrownBy(() -> store.search(VectorQuery.of(new float[4], 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("query vector has dimension 4");
        }
    }

    @Test
    void duplicateIdMessageNamesTheId() {
        try (InMemoryVectorStore store = InMemoryVectorStore.builder().dimension(1).build()) {
            assertThatThrownBy(() -> store.upsert(List.of(
                    new StoredChunk("x", "1", new float[1], null), new StoredChunk("x", "2", new float[1], null))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("chunk id 'x' appears twice");
            assertThat(store.size()).isZero();
        }
    }
}
