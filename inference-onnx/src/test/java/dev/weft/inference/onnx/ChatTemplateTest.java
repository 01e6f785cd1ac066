package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.json.WeftJson;
import dev.weft.inference.onnx.internal.generation.GeneratedAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in templates render conversations as their models' own templates do; a custom template renders the
 * prompt and its end-of-turn markers stop generation; the template in use is named in {@code ModelInfo}.
 */
class ChatTemplateTest {
    private static final List<Message> CONVERSATION = List.of(
            Message.system("Be brief."), Message.user("Hi"), Message.assistant("Hello."), Message.user("What is p53?"));

    @Test
    void chatMlRendersRolesBetweenImStartAndImEnd() {
        assertThat(ChatTemplate.chatMl().render(CONVERSATION)).isEqualTo("""
                <|im_start|>system
                Be brief.<|im_end|>
                <|im_start|>user
                Hi<|im_end|>
                <|im_start|>assistant
                Hello.<|im_end|>
                <|im_start|>user
                What is p53?<|im_end|>
                <|im_start|>assistant
                """);
        assertThat(ChatTemplate.chatMl().endOfTurn()).containsExactly("<|im_end|>");
    }

    @Test
    void llama3RendersHeadersAndEndOfTurnTokens() {
        assertThat(ChatTemplate.llama3().render(CONVERSATION)).isEqualTo("<|begin_of_text|>"
                + "<|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nHello.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWhat is p53?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(ChatTemplate.llama3().endOfTurn()).contains("<|eot_id|>");
    }

    @Test
    void phi3RendersRoleTagsAndEnd() {
        assertThat(ChatTemplate.phi3().render(CONVERSATION)).isEqualTo("""
                <|system|>
                Be brief.<|end|>
                <|user|>
                Hi<|end|>
                <|assistant|>
                Hello.<|end|>
                <|user|>
                What is p53?<|end|>
                <|assistant|>
                """);
        assertThat(ChatTemplate.phi3().endOfTurn()).contains("<|end|>");
    }

    @Test
    void plainCompletionJoinsTextsAndKeepsASingleMessageAsWritten() {
        assertThat(ChatTemplate.plainCompletion().render(CONVERSATION)).isEqualTo("Be brief.\n\nHi\n\nHello.\n\nWhat is p53?");
        assertThat(ChatTemplate.plainCompletion().render(List.of(Message.user("The p53 protein")))).isEqualTo("The p53 protein");
    }

    @Test
    void builtInTemplatesAreFoundByIdAndUnknownIdsAreRefusedWithTheChoices() {
        assertThat(ChatTemplate.builtIn("ChatML")).isSameAs(ChatTemplate.chatMl());
        assertThat(ChatTemplate.builtIn("llama3").id()).isEqualTo("llama3");
        assertThat(ChatTemplate.builtIn("phi3").id()).isEqualTo("phi3");
        assertThat(ChatTemplate.builtIn("plain").id()).isEqualTo("plain");
        assertThatThrownBy(() -> ChatTemplate.builtIn("alpaca"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[chatml, llama3, phi3, plain]");
    }

    @Test
    void aModelWithoutChatTokensUsesPlainCompletionAndSaysSo() {
        assertThat(LanguageModels.microLm().info().attributes()).containsEntry("chat.template", "plain");
    }

    @Test
    void aCustomTemplateRendersThePromptAndItsEndOfTurnMarkerStopsTheAnswer() throws IOException {
        LanguageModels.Reference reference = LanguageModels.Reference.of(LanguageModels.microLmDirectory());
        ChatTemplate titled = ChatTemplate.of("titled", List.of(" and"),
                messages -> "The " + ((UserMessage) messages.getLast()).text());
        try (OnnxChatModel model = LanguageModels.builder(LanguageModels.microLmDirectory()).chatTemplate(titled).build()) {
            assertThat(model.info().attributes()).containsEntry("chat.template", "titled");
            ChatRequest request = ChatRequest.builder().user("p53 protein").sampling(reference.request().sampling()).build();
            GeneratedAnswer answer = model.engine().generate(List.of(request)).getFirst();

            assertThat(answer.promptIds()).as("the prompt is the rendered text").containsExactly(reference.promptIds());
            assertThat(reference.greedyText()).as("the model does write the marker").contains(" and");
            assertThat(answer.response().text())
                    .isEqualTo(reference.greedyText().substring(0, reference.greedyText().indexOf(" and")));
            assertThat(answer.response().finishReason()).isEqualTo(FinishReason.STOP);
        }
    }

    @Test
    void aTokenizerWithChatMlTokensGetsTheChatMlTemplateAndItsMarkersAreSingleTokens(@TempDir Path dir) throws IOException {
        for (String file : new String[] {"model.onnx", "config.json"}) {
            Files.copy(LanguageModels.microLmDirectory().resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // Turn the vocabulary's last two entries (and their merges) into ChatML's markers, as a ChatML tokenizer has them.
        ObjectNode tokenizer = (ObjectNode) WeftJson.mapper().readTree(
                Files.readString(LanguageModels.microLmDirectory().resolve("tokenizer.json")));
        ObjectNode vocab = (ObjectNode) tokenizer.get("model").get("vocab");
        ArrayNode added = (ArrayNode) tokenizer.get("added_tokens");
        Map<Integer, String> markers = Map.of(1022, "<|im_start|>", 1023, "<|im_end|>");
        List<String> replaced = vocab.properties().stream()
                .filter(e -> markers.containsKey(e.getValue().asInt())).map(Map.Entry::getKey).toList();
        replaced.forEach(vocab::remove);
        ArrayNode merges = (ArrayNode) tokenizer.get("model").get("merges");
        for (int i = merges.size() - 1; i >= 0; i--) {
            JsonNode merge = merges.get(i);
            List<String> parts = merge.isArray() ? List.of(merge.get(0).asString(), merge.get(1).asString())
                    : List.of(merge.asString().split(" ", 2));
            if (replaced.contains(parts.get(0)) || replaced.contains(parts.get(1)) || replaced.contains(parts.get(0) + parts.get(1))) {
                merges.remove(i);
            }
        }
        markers.forEach((id, content) -> {
            vocab.put(content, id);
            added.addObject().put("id", id).put("content", content).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        });
        Files.writeString(dir.resolve("tokenizer.json"), WeftJson.mapper().writeValueAsString(tokenizer));

        try (OnnxChatModel model = LanguageModels.builder(dir).build()) {
            assertThat(model.info().attributes()).containsEntry("chat.template", "chatml");
            GeneratedAnswer answer = model.engine().generate(List.of(ChatRequest.builder().user("Hi")
                    .sampling(Sampling.builder().maxTokens(3).build()).build())).getFirst();
            assertThat(answer.promptIds()).startsWith(1022L).contains(1023L);
        }
    }
}
