package dev.weft.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.model.Capability;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.TokenUsage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LangChain4j's OpenAI embedding client, wrapped as a Weft model, against the loopback double of the OpenAI API. */
class LangChain4jEmbeddingModelTest {
    private ScriptedOpenAiServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = ScriptedOpenAiServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private OpenAiEmbeddingModel openAi(String modelName) {
        return OpenAiEmbeddingModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName(modelName)
                .maxRetries(0).build();
    }

    @Test
    void embedsTextsInOrderWithTheUsageLangChain4jReports() {
        server.enqueue(new ScriptedOpenAiServer.Json(200, ScriptedOpenAiServer.embeddings(
                List.of(new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.4f, 0.5f, 0.6f}), 11)));
        LangChain4jEmbeddingModel model = LangChain4jEmbeddingModel.builder(openAi("custom-embedder")).dimension(3).build();

        EmbeddingResponse response = model.embed(List.of("first text", "second text"));

        assertThat(response.embeddings()).hasSize(2);
        assertThat(response.embeddings().get(0).vector()).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(response.embeddings().get(1).vector()).containsExactly(0.4f, 0.5f, 0.6f);
        assertThat(response.usage()).isEqualTo(new TokenUsage(11, 0));
        assertThat(server.lastRequest().get("input").values()).extracting(n -> n.stringValue())
                .containsExactly("first text", "second text");
        assertThat(server.paths()).containsExactly("/v1/embeddings");
    }

    @Test
    void reportsWhatTheModelIsAndKnowsTheDimensionsOfOpenAisNamedModels() {
        LangChain4jEmbeddingModel model = LangChain4jEmbeddingModel.of(openAi("text-embedding-3-small"));

        assertThat(model.dimension()).isEqualTo(1536);
        assertThat(model.info().id()).isEqualTo("text-embedding-3-small");
        assertThat(model.info().provider()).isEqualTo("openai");
        assertThat(model.info().capabilities()).containsExactly(Capability.EMBEDDING);
        assertThat(server.requests()).as("a known dimension needs no probe").isEmpty();
    }

    @Test
    void asksAnUnknownModelForItsDimensionWithOneProbe() {
        server.enqueue(new ScriptedOpenAiServer.Json(200, ScriptedOpenAiServer.embeddings(List.of(new float[5]), 1)));

        assertThat(LangChain4jEmbeddingModel.of(openAi("local-embedder")).dimension()).isEqualTo(5);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void refusesBlankTextsBeforeSendingAnything() {
        LangChain4jEmbeddingModel model = LangChain4jEmbeddingModel.builder(openAi("m")).dimension(3).build();

        assertThatThrownBy(() -> model.embed(Arrays.asList("fine", " "))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("texts[1]");
        assertThatThrownBy(() -> model.embed(Arrays.asList("fine", null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("texts[1] is null");
        assertThat(model.embed(List.of()).embeddings()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void providerFaultsAndMalformedAnswersBecomeTypedExceptions() {
        LangChain4jEmbeddingModel model = LangChain4jEmbeddingModel.builder(openAi("m")).dimension(3).build();

        server.enqueue(ScriptedOpenAiServer.rateLimited());
        assertThatThrownBy(() -> model.embed(List.of("text"))).isInstanceOf(RateLimitedException.class);
        server.enqueue(new ScriptedOpenAiServer.Json(200, ScriptedOpenAiServer.embeddings(List.of(new float[] {1, 2}), 1)));
        assertThatThrownBy(() -> model.embed(List.of("text"))).isInstanceOf(InvalidModelResponseException.class)
                .hasMessageContaining("dimension 2");
        server.enqueue(new ScriptedOpenAiServer.Json(200, ScriptedOpenAiServer.embeddings(List.of(new float[3]), 1)));
        assertThatThrownBy(() -> model.embed(List.of("one", "two"))).isInstanceOf(InvalidModelResponseException.class)
                .hasMessageContaining("1 embeddings for 2 texts");
    }

    @Test
    void aClosedModelRefusesCalls() {
        LangChain4jEmbeddingModel model = LangChain4jEmbeddingModel.builder(openAi("m")).dimension(3).build();
        model.close();

        assertThatThrownBy(() -> model.embed(List.of("text"))).isInstanceOf(ResourceClosedException.class);
    }
}
