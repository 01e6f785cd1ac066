package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import dev.weft.core.retrieval.VectorStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first example of the project's README, verbatim, so that it stays true. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRunsAndFindsThePetTexts() {
        List<SearchHit> found;
        // --- README example starts ---
        try (EmbeddingModel embedder = OnnxEmbeddingModel.builder()
                .bundled(BundledModel.ALL_MINILM_L6_V2)
                .build();
             VectorStore store = InMemoryVectorStore.builder().dimension(embedder.dimension()).build()) {

            List<String> texts = List.of(
                    "The cat sat on the mat.",
                    "Stock markets fell sharply on Monday.",
                    "A kitten is sleeping on the rug.");
            List<Embedding> vectors = embedder.embed(texts).embeddings();
            for (int i = 0; i < texts.size(); i++) {
                store.upsert(List.of(new StoredChunk("doc-" + i, texts.get(i), vectors.get(i).vector(),
                        Metadata.of("topic", i == 1 ? "finance" : "pets"))));
            }

            float[] query = embedder.embed("Where is the kitty?").vector();
            List<SearchHit> hits = store.search(VectorQuery.of(query, 2, Filter.eq("topic", "pets")));
            hits.forEach(h -> System.out.printf("%.3f %s%n", h.score(), h.chunk().text()));
            // --- README example ends ---
            found = hits;
        }
        // The filter keeps the finance text out; both pet texts are found.
        assertThat(found).extracting(h -> h.chunk().id()).containsExactlyInAnyOrder("doc-0", "doc-2");
    }
}
