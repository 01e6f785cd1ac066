package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import java.io.IOException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HNSW graph, float and quantised, on an index large enough to build one: recall against the exact store,
 * scores on core's scale (rescored at full precision), and vectors returned exactly as stored even when the graph
 * holds quantised copies. Fixed seed: recall is a statistical property, and this corpus is one sample of it.
 */
class LuceneStoreHnswTest {
    private static final int DIMENSION = 32;
    private static final int CHUNKS = 2000;
    private static final int QUERIES = 30;
    private static final int K = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Quantization.class)
    void recallAgainstTheExactStore(Quantization quantization) throws IOException {
        Random random = new Random(42);
        List<StoredChunk> chunks = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            chunks.add(new StoredChunk("c" + i, "t", gaussian(random), Metadata.of("even", i % 2 == 0)));
        }
        try (LuceneStore store = LuceneStore.builder().path(dir).dimension(DIMENSION).quantization(quantization)
                        .hnsw(16, 100).build();
                InMemoryVectorStore exact = InMemoryVectorStore.builder().dimension(DIMENSION).similarity(Similarity.COSINE).build()) {
            for (int from = 0; from < CHUNKS; from += 500) {
                store.upsert(chunks.subList(from, from + 500));
            }
            exact.upsert(chunks);
            int found = 0;
            for (int q = 0; q < QUERIES; q++) {
                float[] query = gaussian(random);
                Filter filter = q % 2 == 0 ? null : Filter.eq("even", true);
                List<SearchHit> approximate = store.search(VectorQuery.of(query, K, filter));
                List<SearchHit> truth = exact.search(VectorQuery.of(query, K, filter));
                Set<String> truthIds = new HashSet<>(truth.stream().map(h -> h.chunk().id()).toList());
                for (SearchHit h : approximate) {
                    found += truthIds.contains(h.chunk().id()) ? 1 : 0;
                    assertThat(h.score()).as("core's cosine, recomputed from the stored vector")
                            .isEqualTo(Similarity.COSINE.compute(query, h.chunk().vector()));
                    StoredChunk original = chunks.get(Integer.parseInt(h.chunk().id().substring(1)));
                    assertThat(h.chunk().vector()).as("the full-precision vector").isEqualTo(original.vector());
                }
                assertThat(approximate).hasSize(K);
            }
            double recall = found / (double) (QUERIES * K);
            assertThat(recall).as("recall@%d with %s", K, quantization)
                    .isGreaterThanOrEqualTo(quantization == Quantization.INT4 ? 0.80 : 0.90);
        }
        assertThat(vectorFormat()).as("the vector format the segments were written with").isEqualTo(switch (quantization) {
            case NONE -> "Lucene99HnswVectorsFormat";
            case INT8, INT4 -> Lucene104HnswScalarQuantizedVectorsFormat.NAME;
        });
    }

    private String vectorFormat() throws IOException {
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            return FieldInfos.getMergedFieldInfos(reader).fieldInfo("vector").getAttribute("PerFieldKnnVectorsFormat.format");
        }
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
