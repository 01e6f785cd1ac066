package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelReferenceException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.Models;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.spi.ModelProvider;
import dev.weft.inference.onnx.internal.OnnxModelProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code onnx:} provider, through {@link Models} and {@link ServiceLoader}. */
class OnnxModelProviderTest {

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(OnnxModelProvider.class);
        assertThat(Models.providers()).containsKey("onnx");
    }

    @Test
    void resolvesBundledModelsByReference() {
        try (EmbeddingModel model = Models.embedding("onnx:all-minilm-l6-v2-q")) {
            assertThat(model).isInstanceOf(OnnxEmbeddingModel.class);
            assertThat(model.info().id()).isEqualTo("all-minilm-l6-v2-q");
            assertThat(model.embed("by reference").dimension()).isEqualTo(384);
        }
    }

    @Test
    void appliesParameters() {
        try (EmbeddingModel model = Models.embedding(
                "onnx:all-minilm-l6-v2-q?pooling=cls&normalize=false&maxSequenceLength=64&batchSize=2&threads=1&device=cuda:0")) {
            assertThat(model.info().attributes())
                    .containsEntry("pooling", "cls")
                    .containsEntry("normalize", "false")
                    .containsEntry("maxSequenceLength", "64")
                    .containsEntry("batchSize", "2")
                    .containsEntry("execution.provider", "cpu")
                    .containsEntry("execution.provider.requested", "cuda:0");
        }
    }

    @Test
    void unknownNamesListTheBundledModels() {
        assertThatThrownBy(() -> Models.embedding("onnx:no-such-model"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no-such-model")
                .hasMessageContaining("all-minilm-l6-v2, all-minilm-l6-v2-q, bge-small-en-v1.5-q");
        assertThatThrownBy(() -> Models.embedding("onnx:/no/such/directory"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("/no/such/directory");
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?temperature=1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("temperature")
                .hasMessageContaining("pooling, normalize, maxSequenceLength, batchSize, threads, device");
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?pooling=max"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pooling=max").hasMessageContaining("mean or cls");
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?normalize=yes"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("normalize=yes");
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?batchSize=lots"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batchSize=lots").hasMessageContaining("integer");
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?batchSize=0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?device=gpu"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("device=gpu");
    }

    @Test
    void malformedReferencesAndOtherCapabilitiesAreTyped() {
        assertThatThrownBy(() -> Models.embedding("onnx:"))
                .isInstanceOf(InvalidModelReferenceException.class);
        assertThatThrownBy(() -> Models.embedding("onnx:all-minilm-l6-v2-q?"))
                .isInstanceOf(InvalidModelReferenceException.class);
        assertThatThrownBy(() -> Models.chat("onnx:all-minilm-l6-v2-q"))
                .isInstanceOf(UnsupportedCapabilityException.class);
    }
}
