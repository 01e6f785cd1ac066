package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ResourceClosedException;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    @Test
    void countsWordPiecesWithoutSpecialTokens() {
        TokenCounter counter = SharedModels.miniLm().tokenCounter();
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("hello world")).isEqualTo(2);
        for (String text : List.of("The cat sat on the mat.", "Tokenization splits unbelievable words.", "naïve café — 東京")) {
            Embedding e = SharedModels.miniLm().embed(text);
            assertThat(counter.count(text)).as(text).isEqualTo(e.tokenCount() - 2); // [CLS] and [SEP]
        }
    }

    @Test
    void countsBeyondTheModelsMaximumLength() {
        String longText = "word ".repeat(1000);
        assertThat(SharedModels.miniLm().tokenCounter().count(longText)).isEqualTo(1000);
    }

    @Test
    void unusableAfterClose() {
        OnnxEmbeddingModel model = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        TokenCounter counter = model.tokenCounter();
        assertThat(counter.count("one two")).isEqualTo(2);
        model.close();
        assertThatThrownBy(() -> counter.count("one two")).isInstanceOf(ResourceClosedException.class);
    }
}
