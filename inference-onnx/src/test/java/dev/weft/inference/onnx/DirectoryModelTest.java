package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.Models;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models from a directory holding {@code model.onnx} and {@code tokenizer.json}. */
class DirectoryModelTest {
    private static final BundledModel MODEL = BundledModel.ALL_MINILM_L6_V2_Q;

    @TempDir
    Path temp;

    @Test
    void loadsLikeTheBundledModel() throws IOException {
        Path dir = modelDirectory("minilm-q");
        try (OnnxEmbeddingModel fromDir = OnnxEmbeddingModel.builder().directory(dir).build();
             OnnxEmbeddingModel bundled = OnnxEmbeddingModel.builder().bundled(MODEL).maxSequenceLength(512).build()) {
            assertThat(fromDir.info().id()).isEqualTo("minilm-q");
            assertThat(fromDir.info().attributes())
                    .containsEntry("source", dir.toAbsolutePath().toString())
                    .containsEntry("pooling", "mean")
                    .containsEntry("dimension", "384")
                    .containsEntry("maxSequenceLength", "512");
            Embedding e = fromDir.embed("hello world");
            // The file says: truncate at 128, pad to 128. Neither applies.
            assertThat(e.tokenCount()).isEqualTo(4);
            assertThat(e.cosine(bundled.embed("hello world"))).isGreaterThanOrEqualTo(0.99999);
            Embedding longOne = fromDir.embed(TruncationTest.words(java.util.List.of("tree", "river"), 300));
            assertThat(longOne.tokenCount()).isEqualTo(302);
            assertThat(longOne.truncated()).isFalse();
        }
    }

    @Test
    void readsModelMaxLengthAndTakesAnId() throws IOException {
        Path dir = modelDirectory("with-config");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 128, \"do_lower_case\": true}");
        try (OnnxEmbeddingModel model = OnnxEmbeddingModel.builder().directory(dir).modelId("my-encoder").pooling(Pooling.CLS).build()) {
            assertThat(model.info().id()).isEqualTo("my-encoder");
            assertThat(model.info().contextWindow()).isEqualTo(128);
            assertThat(model.info().attributes()).containsEntry("pooling", "cls");
        }
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 1000000000000000019884624838656}");
        try (EmbeddingModel model = Models.embedding("onnx:" + dir.toAbsolutePath())) {
            assertThat(model.info().contextWindow()).isEqualTo(512);
        }
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Path noTokenizer = modelDirectory("no-tokenizer");
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().directory(noTokenizer).build())
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("tokenizer.json");

        Path noGraph = modelDirectory("no-graph");
        Files.delete(noGraph.resolve("model.onnx"));
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().directory(noGraph).build())
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("model.onnx");

        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().directory(temp.resolve("absent")).build())
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("does not exist");
    }

    @Test
    void unusableFilesAreNamed() throws IOException {
        Path badGraph = modelDirectory("bad-graph");
        Files.writeString(badGraph.resolve("model.onnx"), "not an onnx graph");
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().directory(badGraph).build())
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(badGraph.toAbsolutePath().toString());

        Path badTokenizer = modelDirectory("bad-tokenizer");
        Files.writeString(badTokenizer.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OnnxEmbeddingModel.builder().directory(badTokenizer).build())
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("tokenizer.json");
    }

    private Path modelDirectory(String name) throws IOException {
        Path dir = Files.createDirectory(temp.resolve(name));
        copy(MODEL.modelResource(), dir.resolve("model.onnx"));
        copy(MODEL.tokenizerResource(), dir.resolve("tokenizer.json"));
        return dir;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DirectoryModelTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}
