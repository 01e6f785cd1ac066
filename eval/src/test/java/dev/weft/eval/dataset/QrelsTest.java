package dev.weft.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Qrels}: the TSV variants it reads, its accessors, and the judgements it refuses. */
class QrelsTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("qrels.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsFilesWithoutHeaderWithCrlfBomAndBlankLines() throws IOException {
        Qrels expected = Qrels.builder().add("q1", "d1", 1).add("q1", "d2", 2).add("q2", "d1", 0).build();

        assertThat(Qrels.read(write("q1\td1\t1\nq1\td2\t2\nq2\td1\t0\n"))).isEqualTo(expected);
        assertThat(Qrels.read(write("query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\nq1\td2\t2\r\n\r\nq2\td1\t0"))).isEqualTo(expected);
        assertThat(Qrels.read(write("\uFEFFquery-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t2\nq2\td1\t0\n\n\n"))).isEqualTo(expected);
        assertThat(Qrels.read(write("q1 \t d1\t 1\nq1\td2\t2\nq2\td1\t0\n"))).as("fields are stripped").isEqualTo(expected);
    }

    @Test
    void keepsNegativeGradesButCountsThemNotRelevant() throws IOException {
        Qrels qrels = Qrels.read(write("query-id\tcorpus-id\tscore\nq1\td1\t-2\nq1\td2\t1\n"));

        assertThat(qrels.relevance("q1", "d1")).isEqualTo(-2);
        assertThat(qrels.relevantDocuments("q1")).containsExactly("d2");
    }

    @Test
    void answersForUnjudgedQueriesAndDocuments() {
        Qrels qrels = Qrels.builder().add("q1", "d1", 3).build();

        assertThat(qrels.judgements("nope")).isEmpty();
        assertThat(qrels.relevance("nope", "d1")).isZero();
        assertThat(qrels.relevance("q1", "nope")).isZero();
        assertThat(qrels.hasRelevant("nope")).isFalse();
        assertThat(qrels.toString()).isEqualTo("Qrels[1 queries, 1 judgements]");
    }

    @Test
    void ofKeepsIterationOrderAndDropsQueriesWithoutDocuments() {
        Map<String, Map<String, Integer>> map = new LinkedHashMap<>();
        map.put("q2", new LinkedHashMap<>(Map.of("d9", 1)));
        map.put("q0", new LinkedHashMap<>());
        map.put("q1", new LinkedHashMap<>(Map.of("d1", 2)));

        Qrels qrels = Qrels.of(map);

        assertThat(qrels.queryIds()).containsExactly("q2", "q1");
        assertThat(qrels.asMap()).containsExactly(entry("q2", Map.of("d9", 1)), entry("q1", Map.of("d1", 2)));
    }

    @Test
    void restrictedToKeepsOnlyTheNamedQueries() {
        Qrels qrels = Qrels.builder().add("q1", "d1", 1).add("q2", "d2", 1).add("q3", "d3", 1).build();

        Qrels restricted = qrels.restrictedTo(List.of("q3", "q1", "unknown"));

        assertThat(restricted.queryIds()).containsExactly("q1", "q3");
        assertThat(restricted.size()).isEqualTo(2);
    }

    @Test
    void isImmutable() {
        Qrels qrels = Qrels.builder().add("q1", "d1", 1).build();

        assertThatThrownBy(() -> qrels.asMap().put("q2", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> qrels.judgements("q1").put("d2", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesRepeatedPairsAndBlankIds() {
        Qrels.Builder builder = Qrels.builder().add("q1", "d1", 1);

        assertThatThrownBy(() -> builder.add("q1", "d1", 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("document 'd1' is already judged for query 'q1' (grade 1)");
        assertThatThrownBy(() -> builder.add(" ", "d1", 2)).isInstanceOf(InvalidInputException.class).hasMessageContaining("queryId");
        assertThatThrownBy(() -> Qrels.of(Map.of("q1", new LinkedHashMap<>(Map.of("", 1)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("docId");
        assertThatThrownBy(() -> Qrels.read(dir.resolve("missing.tsv")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no qrels file at " + dir.resolve("missing.tsv"));
    }
}
