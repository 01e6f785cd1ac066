package dev.weft.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code weft ask --model onnx:<dir>/tiny-lm} in-process over a copy of the bundled docs: the real ONNX
 * embedder, Lucene index and {@code AnswerEngine}, with the shared tiny-lm decoder writing the answer on ONNX
 * Runtime. tiny-lm is a 4-layer model trained on abstracts, so its text is poor and it may cite nothing: the test
 * checks the command's behaviour and output structure, not the wording. Skipped when no {@code shared/models/tiny-lm}
 * lies beside the clone or above it.
 */
class AskCommandOnnxChatTest {
    private static final Optional<Path> TINY_LM = findTinyLm();

    @TempDir
    Path temp;

    @Test
    void answersFromTheDocsWithTheLocalDecoderAndPrintsItsSources() {
        assumeTrue(TINY_LM.isPresent(), "tiny-lm not found: no shared/models/tiny-lm/model.onnx in "
                + Path.of("").toAbsolutePath() + " or any folder above it");
        Path docs = temp.resolve("docs");
        AskRun.copyTree(Path.of("docs"), docs);

        AskRun run = AskRun.ask(docs, temp.resolve("index"), "Does Weft need a GPU?", "--model", "onnx:" + TINY_LM.get());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Indexed " + docs + ": 5 added, 0 updated, 0 unchanged, 0 removed;");
        assertThat(run.answer()).as(run.out()).isNotBlank();
        assertThat(run.sourcesHeading()).as("a model answer, not the extractive one").isIn("Sources:", "Sources: none cited");
        // Whatever tiny-lm cites, only sources that were sent (--top-k 5) survive, each printed with its citation.
        assertThat(run.sources()).as(run.out()).allSatisfy((number, citation) -> {
            assertThat(number).isBetween(1, 5);
            assertThat(citation).isNotBlank();
        });
        assertThat(run.answer()).as(run.out()).doesNotContainPattern("\\[(0|[6-9]|\\d{2,})]");
        assertThat(run.err().lines()).as(run.err()).allMatch(l -> l.matches(
                "weft: the model cited \\d+ source number\\(s\\) it was not given; they were dropped\\."));
    }

    /** {@code shared/models/tiny-lm} in the working folder or the nearest folder above it that holds one. */
    private static Optional<Path> findTinyLm() {
        return Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent)
                .map(p -> p.resolve("shared").resolve("models").resolve("tiny-lm"))
                .filter(p -> Files.isRegularFile(p.resolve("model.onnx")))
                .findFirst();
    }
}
