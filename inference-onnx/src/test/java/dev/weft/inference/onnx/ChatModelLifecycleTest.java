package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the model says it is, what it refuses, its builder's checks, and closing. */
class ChatModelLifecycleTest {

    @Test
    void infoDescribesTheModelTheTemplateAndTheExecutionProvider() {
        ModelInfo info = LanguageModels.microLm().info();
        assertThat(info.id()).isEqualTo("micro-lm");
        assertThat(info.provider()).isEqualTo("onnx");
        assertThat(info.capabilities()).containsExactlyInAnyOrder(Capability.CHAT, Capability.STREAMING);
        assertThat(info.contextWindow()).isEqualTo(1024);
        assertThat(info.pricing()).isEqualTo(Pricing.FREE);
        assertThat(info.attributes())
                .containsEntry("chat.template", "plain")
                .containsEntry("execution.provider", "cpu")
                .containsEntry("kvCache", "true")
                .containsEntry("layers", "2")
                .containsEntry("kvHeads", "2")
                .containsEntry("headDim", "32")
                .containsEntry("vocabSize", "1024")
                .containsEntry("maxBatchSize", "16")
                .containsEntry("model.type", "weft-tiny-lm")
                .containsKey("source");
    }

    @Test
    void requestsForToolsOrJsonAreRefusedAsUnsupported() {
        ToolSpec tool = ToolSpec.of("lookup", "Looks up a gene", "{\"type\":\"object\"}");
        assertThatThrownBy(() -> LanguageModels.microLm().chat(ChatRequest.builder().user("p53").tool(tool).build()))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("cannot call tools");
        assertThatThrownBy(() -> LanguageModels.microLm().stream(ChatRequest.builder().user("p53")
                .responseFormat(ResponseFormat.JSON).build()))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("JSON");
    }

    @Test
    void theBuilderNamesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> OnnxChatModel.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("directory(Path)");
        assertThatThrownBy(() -> LanguageModels.builder(LanguageModels.microLmDirectory()).maxBatchSize(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxBatchSize must be >= 1, was 0");
        assertThatThrownBy(() -> LanguageModels.builder(LanguageModels.microLmDirectory()).intraOpThreads(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("intraOpThreads");
        assertThatThrownBy(() -> OnnxChatModel.builder().chatTemplate(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("chatTemplate");
    }

    @Test
    void cudaFallsBackToTheCpuAndSaysWhatWasRequested() {
        try (OnnxChatModel model = LanguageModels.builder(LanguageModels.microLmDirectory())
                .executionProvider(ExecutionProvider.cuda(0)).build()) {
            assertThat(model.info().attributes())
                    .containsEntry("execution.provider", "cpu")
                    .containsEntry("execution.provider.requested", "cuda:0");
            assertThat(model.chat(LanguageModels.Reference.of(LanguageModels.microLmDirectory()).request()).text())
                    .isEqualTo(LanguageModels.Reference.of(LanguageModels.microLmDirectory()).greedyText());
        }
    }

    @Test
    void everyUseAfterCloseThrowsResourceClosedAndClosingTwiceIsHarmless() {
        OnnxChatModel model = LanguageModels.builder(LanguageModels.microLmDirectory()).build();
        model.close();
        model.close();
        ChatRequest request = ChatRequest.of("The protein");
        assertThatThrownBy(() -> model.chat(request)).isInstanceOf(ResourceClosedException.class).hasMessageContaining("micro-lm");
        assertThatThrownBy(() -> model.stream(request)).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> model.chatBatch(List.of(request))).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> model.tokenCounter().count("p53")).isInstanceOf(ResourceClosedException.class);
        assertThat(model.info().id()).as("info stays readable").isEqualTo("micro-lm");
    }

    @Test
    void theTokenCounterCountsWithTheModelsTokenizer() {
        LanguageModels.Reference reference = LanguageModels.Reference.of(LanguageModels.microLmDirectory());
        assertThat(LanguageModels.microLm().tokenCounter().count(reference.prompt())).isEqualTo(reference.promptIds().length);
        assertThat(LanguageModels.microLm().tokenCounter().count("")).isZero();
    }
}
