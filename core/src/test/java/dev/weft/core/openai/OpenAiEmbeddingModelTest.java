package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.WireReply;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Embeddings over {@code /embeddings}: request shape, batching, order, dimension and malformed answers. */
class OpenAiEmbeddingModelTest {
    private OpenAiWireServer server;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiEmbeddingModel.Builder builder() {
        return OpenAiEmbeddingModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").model("nomic-embed-text");
    }

    @Test
    void embedsInInputOrderAndSendsTheApiShape() {
        server.enqueue(WireReply.json(OpenAiWire.embeddings(List.of(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f}),
                "text-embedding-3-small", 8)));
        try (OpenAiEmbeddingModel model = builder().model("text-embedding-3-small").dimensions(2).build()) {
            EmbeddingResponse r = model.embed(List.of("first", "second"));

            assertThat(r.embeddings()).containsExactly(Embedding.of(0.1f, 0.2f), Embedding.of(0.3f, 0.4f));
            assertThat(r.usage()).isEqualTo(new TokenUsage(8, 0));
            assertThat(model.dimension()).isEqualTo(2);
        }
        JsonNode body = server.lastRequest().json();
        assertThat(server.lastRequest().path()).isEqualTo("/v1/embeddings");
        assertThat(body.get("model").stringValue()).isEqualTo("text-embedding-3-small");
        assertThat(body.get("input")).hasSize(2);
        assertThat(body.get("encoding_format").stringValue()).isEqualTo("float");
        assertThat(body.get("dimensions").intValue()).isEqualTo(2);
    }

    @Test
    void entriesOutOfOrderAreSortedByIndexAndBase64IsDecoded() {
        ByteBuffer raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
        String b64 = Base64.getEncoder().encodeToString(raw.array());
        server.enqueue(WireReply.json("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":1,\"embedding\":\"" + b64
                + "\"},{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.5,0.25]}],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}"));
        try (OpenAiEmbeddingModel model = builder().build()) {
            assertThat(model.embed(List.of("a", "b")).embeddings()).containsExactly(Embedding.of(0.5f, 0.25f), Embedding.of(1.5f, -2f));
        }
    }

    @Test
    void largeInputsAreSentInBatchesAndUsageAdds() {
        server.respondWith(OpenAiWireServer::ok);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            texts.add("text " + i);
        }
        try (OpenAiEmbeddingModel model = builder().batchSize(3).build()) {
            EmbeddingResponse r = model.embed(texts);

            assertThat(r.embeddings()).hasSize(7);
            assertThat(r.embeddings().get(4).get(0)).isEqualTo(1f); // second item of the second batch
            assertThat(r.usage().inputTokens()).isEqualTo(14);
        }
        assertThat(server.requests()).extracting(q -> q.json().get("input").size()).containsExactly(3, 3, 1);
    }

    @Test
    void dimensionIsKnownForOpenAiModelsAndProbedForOthers() {
        try (OpenAiEmbeddingModel known = builder().model("text-embedding-3-small").build()) {
            assertThat(known.dimension()).isEqualTo(1536);
        }
        assertThat(server.requestCount()).isZero();

        server.respondWith(OpenAiWireServer::ok);
        try (OpenAiEmbeddingModel local = builder().build()) {
            assertThat(local.dimension()).isEqualTo(3);
            assertThat(local.dimension()).isEqualTo(3);
        }
        assertThat(server.requestCount()).isOne();
    }

    @Test
    void blankInputsAreRefusedBeforeAnyCall() {
        try (OpenAiEmbeddingModel model = builder().build()) {
            assertThat(catchThrowable(() -> model.embed(Arrays.asList("ok", " ")))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("texts[1]");
            assertThat(model.embed(List.of()).embeddings()).isEmpty();
        }
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void malformedAnswersAndErrorsAreTyped() {
        try (OpenAiEmbeddingModel model = builder().dimensions(2).build()) {
            server.enqueue(WireReply.json(OpenAiWire.embeddings(List.of(new float[] {1, 2, 3}), "m", 1)));
            assertThat(catchThrowable(() -> model.embed(List.of("a")))).isInstanceOf(InvalidModelResponseException.class)
                    .hasMessageContaining("3 dimensions, expected 2");

            server.enqueue(WireReply.json(OpenAiWire.embeddings(List.of(new float[] {1, 2}), "m", 1)));
            assertThat(catchThrowable(() -> model.embed(List.of("a", "b")))).isInstanceOf(InvalidModelResponseException.class)
                    .hasMessageContaining("expected 2 embeddings, got 1");

            server.enqueue(WireReply.json("{\"data\":[{\"index\":0,\"embedding\":[1,\"x\"]}]}"));
            assertThat(catchThrowable(() -> model.embed(List.of("a")))).isInstanceOf(InvalidModelResponseException.class)
                    .hasMessageContaining("non-number");

            server.enqueue(WireReply.json("{\"data\":[{\"index\":0,\"embedding\":[1,2]},{\"index\":0,\"embedding\":[1,2]}]}"));
            assertThat(catchThrowable(() -> model.embed(List.of("a", "b")))).isInstanceOf(InvalidModelResponseException.class)
                    .hasMessageContaining("repeated");

            server.enqueue(WireReply.json("{\"object\":\"list\""));
            assertThat(catchThrowable(() -> model.embed(List.of("a")))).isInstanceOf(InvalidModelResponseException.class)
                    .hasMessageContaining("not valid JSON");

            server.enqueue(WireReply.json(429, OpenAiWire.error("Rate limit reached", "requests", "rate_limit_exceeded"))
                    .header("Retry-After", "1"));
            assertThat(catchThrowable(() -> model.embed(List.of("a")))).isInstanceOf(RateLimitedException.class);
        }
    }

    @Test
    void builderNamesTheBadOption() {
        assertThat(catchThrowable(() -> builder().batchSize(0).build())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("batchSize");
        assertThat(catchThrowable(() -> builder().dimensions(0).build())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dimensions");
    }
}
