package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ResourceClosedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing frees the model; closing twice is harmless; use after close is an error. */
class LifecycleTest {

    @Test
    void closeTwiceIsHarmlessAndUseAfterCloseFails() {
        OnnxEmbeddingModel model = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        assertThat(model.embed("before close").dimension()).isEqualTo(384);

        model.close();
        assertThatCode(model::close).doesNotThrowAnyException();

        assertThatThrownBy(() -> model.embed("after close"))
                .isInstanceOf(ResourceClosedException.class).hasMessageContaining("all-minilm-l6-v2-q");
        assertThatThrownBy(() -> model.embed(List.of()))
                .isInstanceOf(ResourceClosedException.class);
        assertThat(model.info().id()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(model.dimension()).isEqualTo(384);
    }
}
