package dev.weft.inference.onnx.internal.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json in its Llama-style and GPT-2-style spellings, and the errors that name the bad field. */
class DecoderConfigTest {

    @Test
    void readsLlamaStyleNamesWithGroupedQueryAttentionAndGenerationConfigEosIds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"model_type": "llama", "num_hidden_layers": 16, "num_attention_heads": 32, "num_key_value_heads": 8,
                 "hidden_size": 2048, "vocab_size": 128256, "max_position_embeddings": 131072,
                 "eos_token_id": 128001, "bos_token_id": 128000}""");
        Files.writeString(dir.resolve("generation_config.json"), """
                {"eos_token_id": [128001, 128008, 128009]}""");
        DecoderConfig c = DecoderConfig.read(dir);
        assertThat(c.layers()).isEqualTo(16);
        assertThat(c.kvHeads()).isEqualTo(8);
        assertThat(c.headDim()).as("hidden_size / num_attention_heads").isEqualTo(64);
        assertThat(c.maxPositions()).isEqualTo(131072);
        assertThat(c.eosIds()).containsExactlyInAnyOrder(128001, 128008, 128009);
        assertThat(c.padId()).as("no pad_token_id: an end-of-sequence id").isEqualTo(128001);
        assertThat(c.modelType()).isEqualTo("llama");
    }

    @Test
    void readsGpt2StyleNames(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"n_layer": 12, "n_head": 12, "n_embd": 768, "n_positions": 1024, "vocab_size": 50257, "eos_token_id": 50256}""");
        DecoderConfig c = DecoderConfig.read(dir);
        assertThat(c.layers()).isEqualTo(12);
        assertThat(c.kvHeads()).isEqualTo(12);
        assertThat(c.headDim()).isEqualTo(64);
        assertThat(c.maxPositions()).isEqualTo(1024);
        assertThat(c.eosIds()).containsExactly(50256);
    }

    @Test
    void aMissingFileIsNotFoundAndABadFieldIsNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> DecoderConfig.read(dir)).isInstanceOf(ModelNotFoundException.class).hasMessageContaining("config.json");

        Files.writeString(dir.resolve("config.json"), """
                {"num_hidden_layers": 2, "num_attention_heads": 2, "hidden_size": 64, "vocab_size": 1024, "eos_token_id": 0}""");
        assertThatThrownBy(() -> DecoderConfig.read(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("max_position_embeddings");

        Files.writeString(dir.resolve("config.json"), """
                {"num_hidden_layers": "two", "num_attention_heads": 2, "hidden_size": 64, "vocab_size": 1024,
                 "max_position_embeddings": 1024, "eos_token_id": 0}""");
        assertThatThrownBy(() -> DecoderConfig.read(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("num_hidden_layers must be a positive integer");

        Files.writeString(dir.resolve("config.json"), """
                {"num_hidden_layers": 2, "num_attention_heads": 2, "hidden_size": 64, "vocab_size": 1024,
                 "max_position_embeddings": 1024, "eos_token_id": 4096}""");
        assertThatThrownBy(() -> DecoderConfig.read(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("eos_token_id").hasMessageContaining("4096");

        Files.writeString(dir.resolve("config.json"), "{not json");
        assertThatThrownBy(() -> DecoderConfig.read(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json is not valid JSON");
    }
}
