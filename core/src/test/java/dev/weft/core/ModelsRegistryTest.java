package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedModelProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Models} resolves references through the {@link dev.weft.core.spi.ModelProvider}s found by
 * {@link java.util.ServiceLoader}; core itself registers {@code openai:}, and the test class path adds
 * {@link ScriptedModelProvider} for {@code scripted:}.
 */
class ModelsRegistryTest {

    @Test
    void providersAreDiscoveredByScheme() {
        assertThat(Models.providers()).containsOnlyKeys("openai", "scripted");
        assertThat(Models.providers().get("scripted")).isInstanceOf(ScriptedModelProvider.class);
        assertThat(Models.provider("scripted")).isSameAs(Models.providers().get("scripted"));
        assertThatThrownBy(() -> Models.providers().put("x", null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void chatResolvesAModelNamedByTheReference() {
        try (ChatModel model = Models.chat("scripted:x")) {
            assertThat(model).isInstanceOf(ScriptedChatModel.class);
            assertThat(model.info().id()).isEqualTo("x");
            assertThat(model.info().provider()).isEqualTo("scripted");
            assertThat(model.chat(ChatRequest.of("hello")).text()).isEqualTo("echo: hello");
        }
    }

    @Test
    void parametersReachTheProvider() {
        try (ChatModel model = Models.chat("scripted:team/model:v2?answer=forty%20two")) {
            assertThat(model.info().id()).isEqualTo("team/model:v2");
            assertThat(model.chat(ChatRequest.of("q")).text()).isEqualTo("forty two");
        }
        try (EmbeddingModel embedder = Models.embedding("scripted:e?dimension=7")) {
            assertThat(embedder.dimension()).isEqualTo(7);
            assertThat(embedder.embed("some text").dimension()).isEqualTo(7);
        }
    }

    @Test
    void eachCallReturnsANewModel() {
        try (ChatModel a = Models.chat("scripted:x"); ChatModel b = Models.chat("scripted:x")) {
            assertThat(a).isNotSameAs(b);
        }
    }

    @Test
    void unknownSchemeListsTheRegisteredOnes() {
        assertThatThrownBy(() -> Models.chat("nosuch:model"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("scheme 'nosuch'")
                .hasMessageContaining("Registered schemes: [openai, scripted]");
        assertThatThrownBy(() -> Models.provider("nosuch"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("[openai, scripted]");
    }

    @Test
    void capabilityTheProviderLacksIsRefused() {
        assertThatThrownBy(() -> Models.scoring("scripted:reranker"))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("'scripted'")
                .hasMessageContaining("no scoring models")
                .hasMessageContaining("scripted:reranker");
        assertThatThrownBy(() -> Models.classification("scripted:clf?x=1"))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("no classification models")
                .hasMessageContaining("scripted:clf?x=1");
    }

    @Test
    void malformedReferenceIsRefusedBeforeLookup() {
        assertThatThrownBy(() -> Models.chat("Scripted:x")).isInstanceOf(InvalidModelReferenceException.class);
        assertThatThrownBy(() -> Models.embedding(null)).isInstanceOf(InvalidModelReferenceException.class);
    }
}
