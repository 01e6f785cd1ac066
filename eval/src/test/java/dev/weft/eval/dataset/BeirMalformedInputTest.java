package dev.weft.eval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed line is reported with an {@link InvalidInputException} that names the file and the line and
 * says what is wrong. Each case starts from a valid dataset in a temporary folder and replaces one file.
 */
class BeirMalformedInputTest {
    private static final String CORPUS = "corpus.jsonl";
    private static final String QUERIES = "queries.jsonl";
    private static final String QRELS = "qrels/test.tsv";

    @TempDir
    Path dir;

    /** A malformed {@code content} for {@code file}, expected to fail at {@code line} with {@code problem}. */
    record Malformed(String file, byte[] content, int line, String problem) {
        static Malformed of(String file, String content, int line, String problem) {
            return new Malformed(file, content.getBytes(StandardCharsets.UTF_8), line, problem);
        }
    }

    static Stream<Arguments> malformed() {
        byte[] notUtf8 = {'{', '"', '_', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        return Stream.of(
                Arguments.argumentSet("corpus: truncated JSON", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"text\": \"ok\"}\n{\"_id\": \"d2\", \"text\": \"brok\n", 2, "is not valid JSON")),
                Arguments.argumentSet("corpus: two objects on one line", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"text\": \"a\"} {\"_id\": \"d2\", \"text\": \"b\"}\n", 1, "is not valid JSON")),
                Arguments.argumentSet("corpus: an array, not an object", Malformed.of(CORPUS,
                        "[\"d1\", \"text\"]\n", 1, "is a JSON array, not an object")),
                Arguments.argumentSet("corpus: no _id, after blank lines", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"text\": \"a\"}\n\n   \n{\"text\": \"no id\"}\n", 4, "has no \"_id\"")),
                Arguments.argumentSet("corpus: blank _id", Malformed.of(CORPUS,
                        "{\"_id\": \" \", \"text\": \"a\"}\n", 1, "\"_id\" must be a non-blank string")),
                Arguments.argumentSet("corpus: _id an object", Malformed.of(CORPUS,
                        "{\"_id\": {\"x\": 1}, \"text\": \"a\"}\n", 1, "\"_id\" must be a non-blank string")),
                Arguments.argumentSet("corpus: no text", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"title\": \"t\"}\n", 1, "has no \"text\"")),
                Arguments.argumentSet("corpus: text a number", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"text\": 42}\n", 1, "\"text\" must be a string, was number")),
                Arguments.argumentSet("corpus: title an array", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"title\": [\"a\"], \"text\": \"x\"}\n", 1, "\"title\" must be a string when present")),
                Arguments.argumentSet("corpus: metadata a string", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"text\": \"x\", \"metadata\": \"oops\"}\n", 1, "\"metadata\" must be a JSON object")),
                Arguments.argumentSet("corpus: metadata with an empty key", Malformed.of(CORPUS,
                        "{\"_id\": \"d1\", \"text\": \"x\", \"metadata\": {\"\": 1}}\n", 1, "\"metadata\" is not usable")),
                Arguments.argumentSet("corpus: not UTF-8", new Malformed(CORPUS, notUtf8, 1, "is not valid UTF-8")),
                Arguments.argumentSet("queries: repeated id", Malformed.of(QUERIES,
                        "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q2\", \"text\": \"b\"}\n{\"_id\": \"q1\", \"text\": \"c\"}\n",
                        3, "repeats query id \"q1\" (first at line 1)")),
                Arguments.argumentSet("queries: no text", Malformed.of(QUERIES,
                        "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q2\"}\n", 2, "has no \"text\"")),
                Arguments.argumentSet("qrels: two fields", Malformed.of(QRELS,
                        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1 d2 1\n", 3, "has 1 tab-separated field, expected 3")),
                Arguments.argumentSet("qrels: four fields", Malformed.of(QRELS,
                        "query-id\tcorpus-id\tscore\nq1\t0\td1\t1\n", 2, "has 4 tab-separated fields, expected 3")),
                Arguments.argumentSet("qrels: score a word", Malformed.of(QRELS,
                        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\thigh\n", 3, "score \"high\" is not a whole number")),
                Arguments.argumentSet("qrels: fractional score", Malformed.of(QRELS,
                        "q1\td1\t1\nq1\td2\t0.5\n", 2, "score \"0.5\" is not a whole number")),
                Arguments.argumentSet("qrels: empty query id", Malformed.of(QRELS,
                        "query-id\tcorpus-id\tscore\n\td1\t1\n", 2, "has an empty query-id")),
                Arguments.argumentSet("qrels: repeated pair", Malformed.of(QRELS,
                        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq1\td1\t2\n", 4,
                        "judges query 'q1' and document 'd1' again (first at line 2)")));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void namesTheFileAndLine(Malformed malformed) throws IOException {
        copyTinyDataset();
        Path file = dir.resolve(malformed.file());
        Files.write(file, malformed.content());

        assertThatThrownBy(() -> {
            if (malformed.file().equals(CORPUS)) {
                BeirDataset.load(dir, "test").corpus().readAll(); // the corpus is read only when streamed
            } else {
                BeirDataset.load(dir, "test");
            }
        })
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + " line " + malformed.line() + ": ")
                .hasMessageContaining(malformed.problem());
    }

    @Test
    void aMalformedCorpusLineFailsOnlyWhenTheStreamReachesIt() throws IOException {
        copyTinyDataset();
        Files.writeString(dir.resolve(CORPUS), "{\"_id\": \"d1\", \"text\": \"a\"}\n{\"_id\": \"d2\", \"text\": \"b\"}\nnot json\n");
        BeirCorpus corpus = BeirDataset.load(dir, "test").corpus();

        try (Stream<BeirDocument> docs = corpus.documents()) {
            assertThat(docs.limit(2)).extracting(BeirDocument::id).containsExactly("d1", "d2");
        }
        assertThatThrownBy(corpus::count).isInstanceOf(InvalidInputException.class).hasMessageContaining(" line 3: ");
    }

    @Test
    void namesTheSplitsThatExistWhenTheSplitIsMissing() throws IOException {
        copyTinyDataset();

        assertThatThrownBy(() -> BeirDataset.load(dir, "train"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no qrels for split \"train\": " + dir.resolve("qrels/train.tsv") + " is missing")
                .hasMessageContaining("available splits: dev, test");
    }

    @Test
    void namesAMissingFile() throws IOException {
        copyTinyDataset();
        Files.delete(dir.resolve(QUERIES));

        assertThatThrownBy(() -> BeirDataset.load(dir, "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no queries file (queries.jsonl) at " + dir.resolve(QUERIES))
                .hasMessageContaining("a BEIR dataset folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv");

        Files.delete(dir.resolve(CORPUS));
        assertThatThrownBy(() -> BeirDataset.load(dir, "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no corpus file (corpus.jsonl) at " + dir.resolve(CORPUS));

        assertThatThrownBy(() -> BeirDataset.load(dir.resolve("nowhere"), "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("BEIR dataset folder " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void refusesQrelsForQueriesTheQueriesFileLacks() throws IOException {
        copyTinyDataset();
        Files.writeString(dir.resolve(QRELS), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq9\td1\t1\nq8\td2\t1\n");

        assertThatThrownBy(() -> BeirDataset.load(dir, "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve(QRELS) + " judges 2 queries that " + dir.resolve(QUERIES) + " does not hold: q9, q8");
    }

    @Test
    void refusesSplitNamesThatAreNotPlainNames() {
        for (String split : new String[] {"../test", "qrels/test", "..", ".hidden"}) {
            assertThatThrownBy(() -> BeirDataset.load(Fixtures.tiny(), split))
                    .as(split)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("split must be a plain name");
        }
        assertThatThrownBy(() -> BeirDataset.load(Fixtures.tiny(), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("split");
    }

    private void copyTinyDataset() throws IOException {
        Path source = Fixtures.tiny();
        Files.createDirectories(dir.resolve("qrels"));
        for (String name : new String[] {CORPUS, QUERIES, QRELS, "qrels/dev.tsv"}) {
            Files.copy(source.resolve(name), dir.resolve(name));
        }
    }
}
