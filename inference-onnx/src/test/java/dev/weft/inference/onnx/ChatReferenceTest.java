package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.Models;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ChatModel;
import org.junit.jupiter.api.Test;

/** {@code Models.chat("onnx:/dir?...")} reaches a local decoder through the provider SPI. */
class ChatReferenceTest {
    private static final String DIR = LanguageModels.microLmDirectory().toString();

    @Test
    void aDirectoryReferenceLoadsAChatModelWithTheGivenDefaults() {
        LanguageModels.Reference reference = LanguageModels.Reference.of(LanguageModels.microLmDirectory());
        try (ChatModel model = Models.chat("onnx:" + DIR + "?template=plain&maxTokens=7&temperature=0&threads=1&batchSize=4")) {
            assertThat(model).isInstanceOf(OnnxChatModel.class);
            assertThat(model.info().attributes()).containsEntry("chat.template", "plain").containsEntry("maxBatchSize", "4");
            ChatResponse r = model.chat(ChatRequest.of(reference.prompt()));
            assertThat(r.usage().outputTokens()).isEqualTo(7);
            assertThat(reference.greedyText()).startsWith(r.text());
        }
    }

    @Test
    void badReferencesAreRefusedNamingThePart() {
        assertThatThrownBy(() -> Models.chat("onnx:micro-lm"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("chat models are directories");
        assertThatThrownBy(() -> Models.chat("onnx:bge-small-en-v1.5-q"))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("is an embedding model");
        assertThatThrownBy(() -> Models.chat("onnx:" + DIR + "?pooling=mean"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown parameter 'pooling'")
                .hasMessageContaining("template");
        assertThatThrownBy(() -> Models.chat("onnx:" + DIR + "?maxTokens=many"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxTokens=many");
        assertThatThrownBy(() -> Models.chat("onnx:" + DIR + "?temperature=-1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("temperature must be >= 0");
        assertThatThrownBy(() -> Models.chat("onnx:" + DIR + "?template=alpaca"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No built-in chat template 'alpaca'");
    }
}
