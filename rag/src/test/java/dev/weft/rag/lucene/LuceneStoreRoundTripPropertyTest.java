package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.testing.Generated;
import dev.weft.rag.lucene.testing.StoreValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chunks with arbitrary ids, texts, vectors and metadata (any keys; any longs; any finite doubles, subnormal,
 * huge and negative zero included; strings with controls, quotes and characters outside the BMP) come back from
 * {@link LuceneStore#get} exactly as written, before and after the index is closed and reopened from disk, and
 * each metadata value (under a key a filter can name) finds its chunk through {@code eq} and {@code in}. The case's seed is in its name.
 */
class LuceneStoreRoundTripPropertyTest {
    @TempDir
    Path tmp;

    record Batch(int dimension, List<StoredChunk> chunks) {
        @Override
        public String toString() {
            return "Batch[dimension=" + dimension + ", chunks=" + chunks.size() + "]";
        }
    }

    static Stream<Arguments> batches() {
        return Generated.cases(40, LuceneStoreRoundTripPropertyTest::batch);
    }

    static Batch batch(Random r) {
        int dimension = r.intRange(1, 8);
        Map<String, StoredChunk> byId = new LinkedHashMap<>();
        int n = r.intRange(1, 12);
        for (int i = 0; i < n; i++) {
            String id = StoreValues.text(r, 10);
            id = id.isBlank() ? id + "x" + i : id;
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = switch (r.intRange(0, 4)) {
                    case 0 -> r.oneOf(0f, -0f, Float.MIN_VALUE, 1e-20f, -1000f);
                    default -> r.floatRange(-1f, 1f);
                };
            }
            byId.put(id, new StoredChunk(id, StoreValues.text(r, 40), v, StoreValues.anyMetadata(r)));
        }
        return new Batch(dimension, List.copyOf(byId.values()));
    }

    @ParameterizedTest
    @MethodSource("batches")
    void chunksComeBackExactlyAndTheirMetadataFindsThem(Batch batch) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("index"));
        try (LuceneStore store = LuceneStore.builder().path(dir).dimension(batch.dimension()).exactSearch(true).build()) {
            store.upsert(batch.chunks());
            for (StoredChunk c : batch.chunks()) {
                assertThat(store.get(c.id())).as("%s: %s", batch, c).contains(c);
                c.metadata().asMap().forEach((key, value) -> {
                    assertThat(idsMatching(store, batch, Filter.eq(key, value))).as("%s: eq(%s, %s)", batch, key, value).contains(c.id());
                    assertThat(idsMatching(store, batch, Filter.in(key, "no such value", value))).as("%s: in(%s, %s)", batch, key, value).contains(c.id());
                });
            }
        }
        try (LuceneStore reopened = LuceneStore.builder().path(dir).dimension(batch.dimension()).build()) {
            assertThat(reopened.size()).isEqualTo(batch.chunks().size());
            for (StoredChunk c : batch.chunks()) {
                assertThat(reopened.get(c.id())).as("%s after reopening: %s", batch, c).contains(c);
            }
        }
    }

    private static List<String> idsMatching(LuceneStore store, Batch batch, Filter filter) {
        List<String> ids = new ArrayList<>();
        for (SearchHit h : store.search(VectorQuery.of(new float[batch.dimension()], 1000, filter))) {
            ids.add(h.chunk().id());
            assertThat(filter.test(h.chunk().metadata())).as("%s: %s admits %s", batch, filter, h.chunk()).isTrue();
        }
        return ids;
    }
}
