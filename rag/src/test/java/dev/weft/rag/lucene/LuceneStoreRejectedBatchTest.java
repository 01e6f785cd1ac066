package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch with one bad chunk anywhere in it is refused whole with {@link InvalidInputException}: nothing of it is
 * written, nothing stored before is lost, and the index still reopens with its last commit.
 */
class LuceneStoreRejectedBatchTest {
    @TempDir
    Path dir;

    private static StoredChunk good(String id) {
        return new StoredChunk(id, "text " + id, new float[] {1, 2, 3}, Metadata.of("k", id));
    }

    private static List<StoredChunk> batchWith(StoredChunk bad) {
        List<StoredChunk> batch = new ArrayList<>(List.of(good("n1"), good("n2")));
        batch.add(1, bad);
        return batch;
    }

    @Test
    void badBatchesWriteNothingAndLoseNothing() {
        StoredChunk kept = good("kept");
        try (LuceneStore store = LuceneStore.builder().path(dir).dimension(3).build()) {
            store.upsert(List.of(kept));
            store.commit();

            assertRejected(store, batchWith(new StoredChunk("short", "t", new float[] {1, 2}, Metadata.EMPTY)), "dimension 2");
            assertRejected(store, batchWith(new StoredChunk("nan", "t", new float[] {1, Float.NaN, 3}, Metadata.EMPTY)), "non-finite");
            assertRejected(store, batchWith(new StoredChunk("inf", "t", new float[] {1, 2, Float.POSITIVE_INFINITY}, Metadata.EMPTY)), "non-finite");
            assertRejected(store, batchWith(good("n1")), "appears twice");
            assertRejected(store, batchWith(new StoredChunk("long", "t", new float[] {1, 2, 3}, Metadata.of("k", "x".repeat(40_000)))), "32766");
            assertRejected(store, batchWith(new StoredChunk("y".repeat(40_000), "t", new float[] {1, 2, 3}, Metadata.EMPTY)), "32766");
            List<StoredChunk> withNull = new ArrayList<>(List.of(good("n1")));
            withNull.add(null);
            assertRejected(store, withNull, "chunks[1]");
            assertThatThrownBy(() -> store.search(VectorQuery.of(new float[] {1, 2}, 3)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("query vector has dimension 2");

            assertThat(store.size()).isEqualTo(1);
            assertThat(store.get("kept")).contains(kept);
        }
        try (LuceneStore reopened = LuceneStore.builder().path(dir).dimension(3).build()) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.get("kept")).contains(kept);
        }
    }

    @Test
    void unsupportedMetadataTypesAreRefusedBeforeAnyChunkExists() {
        // Metadata admits String, Long, Double and Boolean only, so such a chunk cannot even be built.
        assertThatThrownBy(() -> new StoredChunk("d", "t", new float[] {1, 2, 3}, Metadata.of("when", LocalDate.of(2024, 1, 1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported type");
    }

    private static void assertRejected(LuceneStore store, List<StoredChunk> batch, String message) {
        assertThatThrownBy(() -> store.upsert(batch)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(store.get("n1")).as("good chunk of a rejected batch").isEmpty();
        assertThat(store.get("n2")).as("good chunk of a rejected batch").isEmpty();
    }
}
