package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.cost.Budgets;
import dev.weft.core.flow.OutputCheck;
import dev.weft.core.flow.OutputValidation;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.observability.Tracing;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.prompt.PromptRegistry;
import dev.weft.core.resilience.Resilience;
import dev.weft.core.resilience.Retry;
import dev.weft.core.testing.ScriptedChatModel;
import io.opentelemetry.api.OpenTelemetry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md's "The engineering chain" example true: the method body below is the README's code, run here with
 * scripted models (test doubles, named so) and a stand-in embedder, since core cannot reach a real provider.
 */
class ReadmeChainExampleTest {

    // README example starts
    static ChatResponse answer(ChatModel remote, ChatModel local, EmbeddingModel embedder, OpenTelemetry otel,
            String question) {
        ChatModel model = ChatPipeline.over(remote)
                .with(Tracing.openTelemetry(otel))                       // GenAI spans and metrics
                .with(Budgets.perUser(new BigDecimal("5.00")))           // refuses before spending
                .with(Caches.exact().build())
                .with(Caches.semantic(embedder, SemanticCache.DEFAULT_THRESHOLD))
                .with(Resilience.builder()
                        .timeout(Duration.ofSeconds(30))
                        .retry(Retry.builder().maxRetries(3).build())
                        .fallbackTo(local)
                        .build())
                .with(OutputValidation.rejecting(OutputCheck.that(r -> !r.text().isBlank(), "the answer is empty")))
                .build();

        PromptRegistry prompts = PromptRegistry.fromClasspath("readme/prompts");
        ChatRequest request = prompts.get("support.answer").render(
                Map.of("product", "Weft", "question", question),
                RequestContext.builder().userId("u-42").tenantId("acme").feature("support").build());
        return model.chat(request);   // traced with prompt.id, prompt.version and prompt.hash
    }
    // README example ends

    @Test
    void theReadmeChainAnswersARenderedPrompt() {
        ScriptedChatModel remote = ScriptedChatModel.named("remote");
        ChatModel local = ScriptedChatModel.named("local");

        ChatResponse first = answer(remote, local, new BagOfWordsEmbeddingModel(), OpenTelemetry.noop(), "How do I reset it?");

        assertThat(first.text()).isNotBlank();
        assertThat(first.fromCache()).isFalse();
    }
}
