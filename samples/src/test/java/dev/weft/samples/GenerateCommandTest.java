package dev.weft.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs {@code weft generate} on the shared tiny-lm decoder (present beside the clone in CI) with real ONNX Runtime. */
class GenerateCommandTest {
    private static final Path TINY_LM = Path.of("..", "..", "shared", "models", "tiny-lm").toAbsolutePath().normalize();

    @Test
    void streamsTheGreedyContinuationOfTheReferencePrompt() {
        assumeTrue(Files.isRegularFile(TINY_LM.resolve("model.onnx")), "tiny-lm not found at " + TINY_LM);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeftCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("generate", "--model", "onnx:" + TINY_LM, "--max-tokens", "12", "The p53 protein");
        assertThat(code).as(err.toString()).isZero();
        // reference.json's greedy continuation (computed by ONNX Runtime in Python) starts with this text.
        assertThat(out.toString()).startsWith(" (P) and the p53.");
        assertThat(err.toString()).contains("12 tokens").contains("finish LENGTH");
    }

    @Test
    void anUnknownProviderIsAOneLineError() {
        StringWriter err = new StringWriter();
        int code = WeftCommand.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("generate", "--model", "nope:x", "hello");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("No model provider for scheme 'nope'");
    }
}
