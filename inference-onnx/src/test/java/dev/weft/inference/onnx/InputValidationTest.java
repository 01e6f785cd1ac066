package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.TokenUsage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Empty, null and blank inputs. */
class InputValidationTest {
    private final OnnxEmbeddingModel model = SharedModels.miniLm();

    @Test
    void emptyListGivesEmptyResponse() {
        EmbeddingResponse r = model.embed(List.of());
        assertThat(r.embeddings()).isEmpty();
        assertThat(r.usage()).isEqualTo(TokenUsage.ZERO);
    }

    @Test
    void nullListIsRejected() {
        assertThatThrownBy(() -> model.embed((List<String>) null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("texts");
    }

    @Test
    void nullTextIsRejectedByIndex() {
        assertThatThrownBy(() -> model.embed(Arrays.asList("a", "b", "c", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("texts[3] is null");
    }

    @Test
    void blankTextIsRejectedByIndex() {
        assertThatThrownBy(() -> model.embed(List.of("a", "b", " \t\n ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("texts[2] is blank");
        assertThatThrownBy(() -> model.embed(List.of("")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("texts[0] is blank");
        assertThatThrownBy(() -> model.embed((String) null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("texts[0] is blank");
    }

    @Test
    void tokenUsageIsTheSumOfTokenCounts() {
        EmbeddingResponse r = model.embed(List.of("hello world", "hello"));
        assertThat(r.embeddings().get(0).tokenCount()).isEqualTo(4); // [CLS] hello world [SEP], no padding
        assertThat(r.embeddings().get(1).tokenCount()).isEqualTo(3);
        assertThat(r.usage()).isEqualTo(new TokenUsage(7, 0));
    }
}
