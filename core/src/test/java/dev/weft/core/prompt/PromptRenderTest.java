package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict rendering, and the request it produces. */
class PromptRenderTest {
    private final Prompt prompt = Prompt.parse("prompts/support.prompt", """
            ---
            id: support.answer
            version: 1.2.0
            temperature: 0.2
            max_tokens: 300
            response_format: json
            ---
            [system]
            You support users of {{product}}.
            [user]
            {{question}}
            """);

    @Test
    void aMissingVariableIsNamed() {
        PromptRenderException e = catchThrowableOfType(PromptRenderException.class, () -> prompt.render(Map.of("question", "Why?")));

        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(e.promptId()).isEqualTo("support.answer");
        assertThat(e.missing()).containsExactly("product");
        assertThat(e.unexpected()).isEmpty();
        assertThat(e).hasMessage("cannot render prompt 'support.answer' 1.2.0 (prompts/support.prompt): missing variables "
                + "[product]. Pass exactly its variables [product, question]");
    }

    @Test
    void anUnexpectedVariableIsNamed() {
        PromptRenderException e = catchThrowableOfType(PromptRenderException.class,
                () -> prompt.render(Map.of("question", "Why?", "product", "Weft", "tone", "warm")));

        assertThat(e.missing()).isEmpty();
        assertThat(e.unexpected()).containsExactly("tone");
        assertThat(e).hasMessageContaining("unexpected variables [tone].");
    }

    @Test
    void missingAndUnexpectedAreReportedTogetherSortedAndNullCountsAsMissing() {
        Map<String, Object> values = new HashMap<>();
        values.put("question", null);
        values.put("produkt", "Weft");
        values.put("zeta", 1);
        values.put(null, "x");

        PromptRenderException e = catchThrowableOfType(PromptRenderException.class, () -> prompt.messages(values));

        assertThat(e.missing()).containsExactly("product", "question");
        assertThat(e.unexpected()).containsExactly("null", "produkt", "zeta");
        assertThat(e).hasMessageContaining("missing variables [product, question]; unexpected variables [null, produkt, zeta].");
    }

    @Test
    void aPromptWithoutVariablesRendersWithAnEmptyMap() {
        Prompt fixed = Prompt.parse("f", "---\nid: f\nversion: 1\n---\nNo variables.\n");

        assertThat(fixed.render(Map.of()).messages()).containsExactly(Message.user("No variables."));
        assertThat(catchThrowableOfType(PromptRenderException.class, () -> fixed.render(Map.of("x", "y"))).unexpected())
                .containsExactly("x");
    }

    @Test
    void theRequestCarriesMessagesSamplingFormatAndPromptAttributes() {
        ChatRequest request = prompt.render(Map.of("product", "Weft", "question", "Why?"));

        assertThat(request.messages()).containsExactly(Message.system("You support users of Weft."), Message.user("Why?"));
        assertThat(request.sampling()).isEqualTo(Sampling.builder().temperature(0.2).maxTokens(300).build());
        assertThat(request.responseFormat()).isEqualTo(ResponseFormat.JSON);
        assertThat(request.context().attributes()).containsOnly(
                Map.entry(RequestContext.PROMPT_ID, "support.answer"),
                Map.entry(RequestContext.PROMPT_VERSION, "1.2.0"),
                Map.entry(RequestContext.PROMPT_HASH, prompt.hash()));
    }

    @Test
    void theCallersContextIsKeptAndThePromptsAttributesWin() {
        RequestContext caller = RequestContext.builder().userId("u-1").tenantId("acme").feature("help").conversationId("c-9")
                .attribute("request.id", "r-1")
                .attribute(RequestContext.PROMPT_ID, "stale")
                .attribute(RequestContext.EXPERIMENT_ID, "tone")
                .build();

        RequestContext context = prompt.render(Map.of("product", "Weft", "question", "Why?"), caller).context();

        assertThat(context.userId()).isEqualTo("u-1");
        assertThat(context.tenantId()).isEqualTo("acme");
        assertThat(context.feature()).isEqualTo("help");
        assertThat(context.conversationId()).isEqualTo("c-9");
        assertThat(context.attributes()).containsEntry("request.id", "r-1")
                .containsEntry(RequestContext.EXPERIMENT_ID, "tone")
                .containsEntry(RequestContext.PROMPT_ID, "support.answer")
                .containsEntry(RequestContext.PROMPT_VERSION, "1.2.0")
                .containsEntry(RequestContext.PROMPT_HASH, prompt.hash());
        assertThat(prompt.stamp(null).attributes()).hasSize(3);
    }

    @Test
    void theBuilderTakesMoreMessagesBeforeBuilding() {
        ChatRequest request = prompt.requestBuilder(Map.of("product", "Weft", "question", "Why?"), RequestContext.EMPTY)
                .assistant("Because.")
                .user("And then?")
                .build();

        assertThat(request.messages()).extracting(Object::getClass).extracting(Class::getSimpleName)
                .containsExactly("SystemMessage", "UserMessage", "AssistantMessage", "UserMessage");
        assertThat(request.context().attributes()).containsKey(RequestContext.PROMPT_HASH);
    }
}
