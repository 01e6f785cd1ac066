package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.Embedding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * CUDA configured on a machine without it (the CPU build of ONNX Runtime, no GPU): the model falls back to the
 * CPU, says so in exactly one log line, works, and reports the provider it really uses.
 */
class CudaFallbackTest {

    @Test
    void cudaFallsBackToCpuWithOneWarning() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OnnxEmbeddingModel model;
        // slf4j-simple writes to whatever System.err is at the time of the call.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            model = OnnxEmbeddingModel.builder()
                    .bundled(BundledModel.ALL_MINILM_L6_V2_Q)
                    .executionProvider(ExecutionProvider.cuda(0))
                    .build();
        } finally {
            System.setErr(original);
        }
        try (model; OnnxEmbeddingModel cpu = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build()) {
            String log = captured.toString(StandardCharsets.UTF_8);
            long warnings = Arrays.stream(log.split("\\R")).filter(l -> l.contains("WARN") && l.contains("CUDA")).count();
            assertThat(warnings).as("log:%n%s", log).isEqualTo(1);
            assertThat(log).contains("all-minilm-l6-v2-q").contains("CPU instead");

            assertThat(model.info().attributes())
                    .containsEntry("execution.provider", "cpu")
                    .containsEntry("execution.provider.requested", "cuda:0");
            Embedding e = model.embed("runs on the CPU");
            assertThat(e.cosine(cpu.embed("runs on the CPU"))).isGreaterThanOrEqualTo(0.99999);
            assertThat(cpu.info().attributes()).doesNotContainKey("execution.provider.requested");
        }
    }
}
