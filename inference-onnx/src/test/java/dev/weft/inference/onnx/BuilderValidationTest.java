package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code build()} fails fast, before loading anything, with a message naming the option. */
class BuilderValidationTest {

    @Test
    void aModelMustBeChosen() {
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bundled").hasMessageContaining("directory");
    }

    @Test
    void bundledAndDirectoryExcludeEachOther() {
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q)
                .directory(Path.of("/tmp")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exclude each other");
    }

    @Test
    void numericOptionsAreChecked() {
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).batchSize(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).maxSequenceLength(513).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxSequenceLength").hasMessageContaining("512");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).maxSequenceLength(2).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxSequenceLength");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).intraOpThreads(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("intraOpThreads");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).interOpThreads(-2).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("interOpThreads");
    }

    @Test
    void nullsAndMisplacedOptionsAreNamed() {
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().pooling(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pooling");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().executionProvider(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("executionProvider");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).modelId("mine").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("modelId");
        assertThatThrownBy(() -> ExecutionProvider.cuda(-1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("deviceId");
        assertThatThrownBy(() -> ExecutionProvider.parse("gpu"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cuda:N");
    }
}
