package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory with a missing file, a config.json that does not match the graph, or a graph that is not a
 * cached decoder fails to load with a typed exception whose message names the file, the field and both values.
 */
class ModelDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDirectoryIsNotFound() {
        assertThatThrownBy(() -> build(dir.resolve("nowhere")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("does not exist");
    }

    @Test
    void eachMissingFileIsNamed() throws IOException {
        for (String file : new String[] {"model.onnx", "tokenizer.json", "config.json"}) {
            copyMicroLm();
            Files.delete(dir.resolve(file));
            assertThatThrownBy(() -> build(dir)).as(file)
                    .isInstanceOf(ModelNotFoundException.class)
                    .hasMessageContaining("has no " + file);
        }
    }

    @Test
    void aWrongLayerCountIsNamedWithBothValues() throws IOException {
        copyMicroLm();
        editConfig("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 3");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("num_hidden_layers = 3")
                .hasMessageContaining("has 2 layers");
    }

    @Test
    void aWrongHeadCountIsNamedWithBothValues() throws IOException {
        copyMicroLm();
        editConfig("\"num_key_value_heads\": 2", "\"num_key_value_heads\": 1");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("num_key_value_heads = 1")
                .hasMessageContaining("past_key_values.0.key has 2 heads");
    }

    @Test
    void aWrongHeadSizeIsNamedWithBothValues() throws IOException {
        copyMicroLm();
        editConfig("\"head_dim\": 32", "\"head_dim\": 16");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("head_dim = 16")
                .hasMessageContaining("heads of size 32");
    }

    @Test
    void aWrongVocabularySizeIsNamedWithBothValues() throws IOException {
        copyMicroLm();
        editConfig("\"vocab_size\": 1024", "\"vocab_size\": 2048");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("vocab_size = 2048")
                .hasMessageContaining("1024 logits");
    }

    @Test
    void aMissingConfigFieldIsNamed() throws IOException {
        copyMicroLm();
        editConfig("\"max_position_embeddings\": 1024,", "");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json has no field max_position_embeddings");
    }

    @Test
    void aTokenizerWithIdsTheModelHasNoLogitsForIsRefused() throws IOException {
        copyMicroLm();
        Path tokenizer = dir.resolve("tokenizer.json");
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("\"<|pad|>\": 1,", "\"<|pad|>\": 1, \"extra\": 1500,"));
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("token ids up to 1500")
                .hasMessageContaining("vocab_size = 1024");
    }

    @Test
    void aConfigThatIsNotJsonIsNamed() throws IOException {
        copyMicroLm();
        Files.writeString(dir.resolve("config.json"), "{\"num_hidden_layers\": 2,");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json is not valid JSON");
    }

    @Test
    void aGraphThatIsNotOnnxIsRefused() throws IOException {
        copyMicroLm();
        Files.writeString(dir.resolve("model.onnx"), "not a graph");
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("cannot load the graph")
                .hasMessageContaining("model.onnx");
    }

    @Test
    void anEncoderWithoutAnAttentionCacheIsRefusedWithHowToExportOne() throws IOException {
        copyMicroLm();
        try (InputStream encoder = getClass().getResourceAsStream("/" + BundledModel.ALL_MINILM_L6_V2_Q.modelResource())) {
            Files.copy(encoder, dir.resolve("model.onnx"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThatThrownBy(() -> build(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("takes no past_key_values.N.key inputs")
                .hasMessageContaining("text-generation-with-past");
    }

    private static void build(Path directory) {
        LanguageModels.builder(directory).build().close();
    }

    private void copyMicroLm() throws IOException {
        for (String file : new String[] {"model.onnx", "tokenizer.json", "config.json"}) {
            Files.copy(LanguageModels.microLmDirectory().resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void editConfig(String from, String to) throws IOException {
        Path config = dir.resolve("config.json");
        String text = Files.readString(config);
        if (!text.contains(from)) {
            throw new IllegalStateException("config.json has no " + from);
        }
        Files.writeString(config, text.replace(from, to));
    }
}
