package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelReferenceException;
import dev.weft.core.Models;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.openai.internal.OpenAiModelProvider;
import dev.weft.core.testing.OpenAiWireServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code openai:} references through {@link Models}, and the builders' validation. */
class OpenAiModelProviderTest {
    private OpenAiWireServer server;
    private String base;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start().respondWith(OpenAiWireServer::ok);
        base = URLEncoder.encode(server.baseUrl(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theProviderIsRegisteredForOpenAi() {
        assertThat(Models.provider("openai")).isInstanceOf(OpenAiModelProvider.class);
    }

    @Test
    void chatReferencesReachTheEndpointWithTheirParameters() {
        try (ChatModel model = Models.chat("openai:gpt-4o-mini?baseUrl=" + base + "&apiKeyVariable=WEFT_TEST_NO_SUCH_VARIABLE"
                + "&maxTokensParameter=max_completion_tokens&requestTimeout=30s&streamIdleTimeout=PT45S&contextWindow=128000"
                + "&inputPrice=0.15&outputPrice=0.60&organization=org-9")) {
            assertThat(model).isInstanceOf(OpenAiChatModel.class);
            assertThat(model.info().id()).isEqualTo("gpt-4o-mini");
            assertThat(model.info().contextWindow()).isEqualTo(128_000);
            assertThat(model.info().pricing()).isEqualTo(Pricing.perMillion("0.15", "0.60", "USD"));
            assertThat(model.chat(ChatRequest.builder().user("q")
                    .sampling(dev.weft.core.chat.Sampling.builder().maxTokens(5).build()).build()).text()).isEqualTo("ok");
            try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
                assertThat(stream.response().text()).isEqualTo("ok");
            }
        }
        assertThat(server.requests().get(0).json().get("max_completion_tokens").intValue()).isEqualTo(5);
        assertThat(server.requests().get(0).header("OpenAI-Organization")).isEqualTo("org-9");
    }

    @Test
    void embeddingReferencesWork() {
        try (EmbeddingModel model = Models.embedding("openai:text-embedding-3-small?baseUrl=" + base + "&dimensions=3&batchSize=10")) {
            assertThat(model.dimension()).isEqualTo(3);
            assertThat(model.embed("hello").dimension()).isEqualTo(3);
        }
        assertThat(server.lastRequest().json().get("dimensions").intValue()).isEqualTo(3);
    }

    @Test
    void keysInReferencesAreRefused() {
        assertThat(catchThrowable(() -> Models.chat("openai:gpt-4o-mini?apiKey=sk-123"))).isInstanceOf(InvalidModelReferenceException.class)
                .hasMessageContaining("apiKeyVariable").hasMessageNotContaining("sk-123");
    }

    @Test
    void unknownOrMalformedParametersAreNamed() {
        assertThat(catchThrowable(() -> Models.chat("openai:m?baseUrl=" + base + "&dimensions=3")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown parameter 'dimensions'");
        assertThat(catchThrowable(() -> Models.embedding("openai:m?baseUrl=" + base + "&streamUsage=true")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("streamUsage");
        assertThat(catchThrowable(() -> Models.chat("openai:m?baseUrl=" + base + "&requestTimeout=soon")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("requestTimeout=soon");
        assertThat(catchThrowable(() -> Models.chat("openai:m?baseUrl=" + base + "&streamUsage=maybe")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("true or false");
    }

    @Test
    void buildersNameTheBadOptionAndNeverShowTheKey() {
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().build())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model");
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().model("m").baseUrl("ftp://x").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseUrl");
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().model("m").baseUrl("http://h/v1?x=1").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("queryParameter");
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().model("m").baseUrl(server.baseUrl()).requestTimeout(Duration.ZERO)
                .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("requestTimeout");
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().model("m").baseUrl(server.baseUrl()).streamIdleTimeout(null)
                .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("streamIdleTimeout");
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().model("m").baseUrl(server.baseUrl()).header("Host", "x")
                .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("Host");
        assertThat(catchThrowable(() -> OpenAiChatModel.builder().model("gpt-4o").environment(name -> null).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("OPENAI_API_KEY");

        try (OpenAiChatModel model = OpenAiChatModel.builder().model("m").baseUrl(server.baseUrl())
                .apiKey("sk-proj-abcdefghijklmnopWXYZ").build()) {
            assertThat(model.toString()).contains("****WXYZ").doesNotContain("abcdefghijklmnop");
        }
    }
}
