package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.FinishReason;
import dev.weft.inference.onnx.internal.generation.GeneratedAnswer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Greedy decoding reproduces, token for token, the continuation that ONNX Runtime (Python) and PyTorch computed for
 * each model's reference prompt.
 */
class ReferenceOutputTest {

    @Test
    void microLmGreedyOutputEqualsTheReferenceTokenForToken() {
        Path dir = LanguageModels.microLmDirectory();
        assertMatchesReference(LanguageModels.microLm(), LanguageModels.Reference.of(dir));
    }

    @Test
    void tinyLmGreedyOutputEqualsTheReferenceTokenForToken() {
        Path dir = LanguageModels.tinyLmDirectoryOrSkip();
        try (OnnxChatModel tinyLm = LanguageModels.builder(dir).build()) {
            assertMatchesReference(tinyLm, LanguageModels.Reference.of(dir));
        }
    }

    private static void assertMatchesReference(OnnxChatModel model, LanguageModels.Reference reference) {
        GeneratedAnswer answer = model.engine().generate(List.of(reference.request())).getFirst();
        assertThat(answer.promptIds()).as("prompt tokens").containsExactly(reference.promptIds());
        assertThat(answer.tokenIds()).as("greedy tokens").containsExactly(reference.greedyIds());
        assertThat(answer.response().text()).isEqualTo(reference.greedyText());
        assertThat(answer.response().usage().inputTokens()).isEqualTo(reference.promptIds().length);
        assertThat(answer.response().usage().outputTokens()).isEqualTo(reference.greedyIds().length);
        assertThat(answer.response().finishReason()).isEqualTo(FinishReason.LENGTH);
    }
}
