package dev.weft.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.core.retrieval.Metadata;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loading the committed {@code beir/tiny} fixture: which queries are kept, what each record holds. */
class BeirDatasetLoadTest {

    @Test
    void keepsOnlyTheQueriesTheSplitJudgesInQrelsOrder() {
        BeirDataset test = BeirDataset.load(Fixtures.tiny(), "test");

        assertThat(test.split()).isEqualTo("test");
        assertThat(test.queries()).containsOnlyKeys("q1", "q2", "q4");
        assertThat(test.queries().keySet()).containsExactly("q1", "q2", "q4");
        assertThat(test.queries().get("q1")).isEqualTo(BeirQuery.of("q1", "how do plants make energy"));
        assertThat(test.query("q4").orElseThrow().metadata()).isEqualTo(Metadata.of("difficulty", "hard"));
        assertThat(test.query("q3")).isEmpty();
        assertThat(test.toString()).contains("split test", "3 queries", "4 judgements");

        BeirDataset dev = BeirDataset.load(Fixtures.tiny(), "dev");
        assertThat(dev.queries().keySet()).containsExactly("q3");
        assertThat(dev.qrels().asMap()).containsExactly(entry("q3", Map.of("d4", 1)));
    }

    @Test
    void readsGradedJudgementsIncludingZeroGrades() {
        Qrels qrels = BeirDataset.load(Fixtures.tiny(), "test").qrels();

        assertThat(qrels.size()).isEqualTo(4);
        assertThat(qrels.queryIds()).containsExactly("q1", "q2", "q4");
        assertThat(qrels.judgements("q1")).containsExactly(entry("d1", 2), entry("3", 1));
        assertThat(qrels.relevance("q1", "d1")).isEqualTo(2);
        assertThat(qrels.relevance("q1", "d2")).isZero();
        assertThat(qrels.hasRelevant("q4")).isFalse();
        assertThat(qrels.relevantDocuments("q4")).isEmpty();
    }

    @Test
    void streamsTheCorpusInFileOrderSkippingBlankLines() {
        BeirCorpus corpus = BeirDataset.load(Fixtures.tiny(), "test").corpus();

        List<BeirDocument> docs = corpus.readAll();
        assertThat(docs).extracting(BeirDocument::id).containsExactly("d1", "d2", "3", "d4", "d5");
        assertThat(corpus.count()).isEqualTo(5);
        try (Stream<BeirDocument> stream = corpus.documents()) {
            assertThat(stream.limit(2)).extracting(BeirDocument::id).containsExactly("d1", "d2");
        }
    }

    @Test
    void convertsEachFieldOfADocument() {
        List<BeirDocument> docs = BeirCorpus.at(Fixtures.tiny().resolve("corpus.jsonl")).readAll();

        BeirDocument d1 = docs.get(0);
        assertThat(d1.title()).isEqualTo("Photosynthesis");
        assertThat(d1.text()).isEqualTo("Plants turn light into chemical energy.");
        assertThat(d1.metadata().asMap()).containsOnly(
                entry("year", 2019L),
                entry("source", "botany.pdf"),
                entry("peer_reviewed", true),
                entry("rating", 4.5),
                entry("authors", "[\"Ana\",\"Ben\"]"),      // arrays become their JSON text
                entry("venue", "{\"name\":\"J. Bot.\"}"));  // so do nested objects; "doi": null is left out
        assertThat(d1.titleAndText()).isEqualTo("Photosynthesis Plants turn light into chemical energy.");

        assertThat(docs.get(1).title()).isEmpty();
        assertThat(docs.get(1).titleAndText()).isEqualTo("Mitochondria are the powerhouse of the cell.");
        assertThat(docs.get(2)).isEqualTo(BeirDocument.of("3", "Ribosomes build proteins.")); // numeric _id, no title
        assertThat(docs.get(3).title()).isEqualTo("Enzymes — catalysts");
        assertThat(docs.get(3).text()).isEqualTo("Enzymes speed up reactions in cells: ✓ ünïcödé.");
        assertThat(docs.get(3).metadata()).isEqualTo(Metadata.EMPTY);
        assertThat(docs.get(4).text()).isEmpty();
        assertThat(docs.get(4).titleAndText()).isEqualTo("Cells");
    }

    @Test
    void readQueriesReturnsEveryQueryJudgedOrNot() {
        Map<String, BeirQuery> all = BeirDataset.readQueries(Fixtures.tiny().resolve("queries.jsonl"));

        assertThat(all.keySet()).containsExactly("q1", "q2", "q3", "q4");
    }
}
