package dev.weft.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code weft ask} in-process on a copy of the bundled docs, with the real ONNX embedder and Lucene index. */
class AskCommandTest {

    @TempDir
    Path temp;

    @Test
    void answersWithCitationsAndSkipsUnchangedFilesOnTheSecondRun() throws IOException {
        Path docs = temp.resolve("docs");
        AskRun.copyTree(Path.of("docs"), docs);
        Path index = temp.resolve("index");

        AskRun first = AskRun.ask(docs, index, "Does Weft need a GPU?");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("5 added").contains("[1]").contains("faq.txt");
        assertThat(first.out()).containsIgnoringCase("CPU");

        Files.writeString(docs.resolve("faq.txt"), "\nWeft ships a command line tool, weft ask, that answers questions from a folder of documents.\n",
                java.nio.file.StandardOpenOption.APPEND);
        AskRun second = AskRun.ask(docs, index, "Does Weft have a command line tool?");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("0 added, 1 updated, 4 unchanged");
        assertThat(second.out()).contains("weft ask, that answers questions from a folder");
    }

    @Test
    void aMissingFolderIsAClearError() {
        AskRun run = AskRun.ask(temp.resolve("nope"), temp.resolve("index"), "anything");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No folder at");
    }
}
