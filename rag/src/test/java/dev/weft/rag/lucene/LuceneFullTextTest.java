package dev.weft.rag.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.FullTextSearch;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.TextQuery;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

/** BM25 through {@link LuceneStore#fullText()}: analysis, ranking, filters inside the query, parameters. */
class LuceneFullTextTest {

    private static StoredChunk chunk(String id, String text, Metadata metadata) {
        return new StoredChunk(id, text, new float[] {1, 0}, metadata);
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.chunk().id()).toList();
    }

    private static final List<StoredChunk> CORPUS = List.of(
            chunk("fox", "The quick brown fox jumps over the lazy dog", Metadata.of("lang", "en", "year", 2020)),
            chunk("foxes", "Foxes are jumping; a fox jumped and foxes jump", Metadata.of("lang", "en", "year", 2024)),
            chunk("dog", "A dog sleeps all day in the sun", Metadata.of("lang", "en", "year", 2024)),
            chunk("renard", "Le renard brun saute par-dessus le chien", Metadata.of("lang", "fr", "year", 2024)),
            chunk("code", "Error QX-7731 means the coolant is low", Metadata.of("lang", "en", "year", 2023)));

    @Test
    void ranksByBm25WithEnglishStemmingByDefault() {
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).build()) {
            store.upsert(CORPUS);
            FullTextSearch text = store.fullText().orElseThrow();

            List<SearchHit> hits = text.search(new TextQuery("jumping foxes", 10, null));
            assertThat(ids(hits)).containsExactly("foxes", "fox"); // stems meet: jumping/jumps/jumped, foxes/fox
            assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isGreaterThan(0);
            assertThat(hits.getFirst().chunk()).isEqualTo(CORPUS.get(1)); // hits carry the whole chunk, vector included
            assertThat(ids(text.search(new TextQuery("qx-7731", 10, null)))).containsExactly("code");
        }
    }

    @Test
    void appliesTheFilterInsideTheQuery() {
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).build()) {
            store.upsert(CORPUS);
            FullTextSearch text = store.fullText().orElseThrow();

            // The best unfiltered match is 'foxes' (2024); with year < 2024 the single best is 'fox', not nothing.
            assertThat(ids(text.search(new TextQuery("fox", 1, Filter.lt("year", 2024))))).containsExactly("fox");
            assertThat(ids(text.search(new TextQuery("fox dog", 10, Filter.eq("year", 2024))))).containsExactly("foxes", "dog");
            assertThat(text.search(new TextQuery("fox", 10, Filter.eq("lang", "fr")))).isEmpty();
        }
    }

    @Test
    void aQueryWithNothingToSearchFindsNothing() {
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).build()) {
            store.upsert(CORPUS);
            FullTextSearch text = store.fullText().orElseThrow();

            assertThat(text.search(new TextQuery("", 10, null))).isEmpty();
            assertThat(text.search(new TextQuery("the and of", 10, null))).isEmpty(); // stop words only
            assertThat(text.search(new TextQuery("zebra", 10, null))).isEmpty();
        }
    }

    @Test
    void tiesAreBrokenByAscendingId() {
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).build()) {
            store.upsert(List.of(chunk("c", "same words", Metadata.EMPTY), chunk("a", "same words", Metadata.EMPTY),
                    chunk("b", "same words", Metadata.EMPTY)));
            assertThat(ids(store.fullText().orElseThrow().search(new TextQuery("words", 2, null)))).containsExactly("a", "b");
        }
    }

    @Test
    void bm25ParametersAreConfigurable() {
        List<StoredChunk> docs = List.of(chunk("short", "fox", Metadata.EMPTY), chunk("long", "fox dog cat bird horse", Metadata.EMPTY),
                chunk("other", "cat", Metadata.EMPTY));
        try (LuceneStore defaults = LuceneStore.builder().inMemory().dimension(2).build();
                LuceneStore noLengthNorm = LuceneStore.builder().inMemory().dimension(2).bm25(1.2f, 0f).build()) {
            defaults.upsert(docs);
            noLengthNorm.upsert(docs);
            List<SearchHit> normalised = defaults.fullText().orElseThrow().search(new TextQuery("fox", 5, null));
            List<SearchHit> flat = noLengthNorm.fullText().orElseThrow().search(new TextQuery("fox", 5, null));

            assertThat(ids(normalised)).containsExactly("short", "long");
            assertThat(normalised.get(0).score()).isGreaterThan(normalised.get(1).score());
            assertThat(flat.get(0).score()).as("b = 0: length does not matter").isEqualTo(flat.get(1).score());
            assertThat(ids(flat)).containsExactly("long", "short"); // tied, so by id
        }
    }

    @Test
    void theAnalyzerIsConfigurableAndStaysTheCallers() {
        try (StandardAnalyzer analyzer = new StandardAnalyzer()) {
            try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).analyzer(analyzer).build()) {
                store.upsert(CORPUS);
                // No stemming: "jumping" matches only the text that has exactly "jumping".
                assertThat(ids(store.fullText().orElseThrow().search(new TextQuery("jumping", 10, null)))).containsExactly("foxes");
            }
            assertThat(analyzer.tokenStream("f", "still usable")).as("the store did not close the caller's analyzer").isNotNull();
        }
    }

    @Test
    void aQueryWithTooManyDistinctTermsIsRefused() {
        String huge = IntStream.range(0, 1100).mapToObj(i -> "term" + i).collect(Collectors.joining(" "));
        try (LuceneStore store = LuceneStore.builder().inMemory().dimension(2).build()) {
            assertThatThrownBy(() -> store.fullText().orElseThrow().search(new TextQuery(huge, 5, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("1100 distinct terms");
        }
    }
}
