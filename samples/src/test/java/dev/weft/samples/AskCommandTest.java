package dev.weft.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code weft ask} in-process on a copy of the bundled docs, with the real ONNX embedder and Lucene index. */
class AskCommandTest {

    @TempDir
    Path temp;

    @Test
    void answersWithCitationsAndSkipsUnchangedFilesOnTheSecondRun() throws IOException {
        Path docs = temp.resolve("docs");
        copyTree(Path.of("docs"), docs);
        Path index = temp.resolve("index");

        Run first = ask(docs, index, "Does Weft need a GPU?");
        assertThat(first.exitCode).isZero();
        assertThat(first.out).contains("5 added").contains("[1]").contains("faq.txt");
        assertThat(first.out).containsIgnoringCase("CPU");

        Files.writeString(docs.resolve("faq.txt"), "\nWeft ships a command line tool, weft ask, that answers questions from a folder of documents.\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run second = ask(docs, index, "Does Weft have a command line tool?");
        assertThat(second.exitCode).isZero();
        assertThat(second.out).contains("0 added, 1 updated, 4 unchanged");
        assertThat(second.out).contains("weft ask, that answers questions from a folder");
    }

    @Test
    void aMissingFolderIsAClearError() {
        Run run = ask(temp.resolve("nope"), temp.resolve("index"), "anything");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("No folder at");
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run ask(Path docs, Path index, String question) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WeftCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int code = cli.execute("ask", "--docs", docs.toString(), "--index", index.toString(), question);
        return new Run(code, out.toString(), err.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
