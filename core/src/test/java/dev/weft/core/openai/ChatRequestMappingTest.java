package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.json.WeftJson;
import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import dev.weft.core.testing.OpenAiWireServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** A {@link ChatRequest} reaches the wire as the OpenAI API expects it: messages, tools, formats, sampling, headers. */
class ChatRequestMappingTest {
    private OpenAiWireServer server;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start().respondWith(OpenAiWireServer::ok);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiChatModel.Builder builder() {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test-0123456789abcdef").model("gpt-4o-mini");
    }

    private JsonNode sent(ChatRequest request) {
        try (OpenAiChatModel model = builder().build()) {
            model.chat(request);
        }
        return server.lastRequest().json();
    }

    @Test
    void aToolConversationIsWrittenExactlyAsTheApiExpectsIt() {
        ToolCall call = new ToolCall("call_a1", "get_weather", "{\"city\":\"Paris\"}");
        ChatRequest request = ChatRequest.builder()
                .system("You are terse.")
                .user("Weather in Paris?")
                .message(new AssistantMessage("", List.of(call)))
                .message(ToolResultMessage.of(call, "{\"temp\":21}"))
                .tool(ToolSpec.of("get_weather", "Current weather", """
                        {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""))
                .responseFormat(ResponseFormat.jsonSchema("weather", """
                        {"type":"object","properties":{"summary":{"type":"string"}}}"""))
                .sampling(Sampling.builder().temperature(0.2).topP(0.9).maxTokens(64).seed(7L).stop("END").build())
                .build();

        JsonNode expected = WeftJson.parse("""
                {"model":"gpt-4o-mini",
                 "messages":[
                   {"role":"system","content":"You are terse."},
                   {"role":"user","content":"Weather in Paris?"},
                   {"role":"assistant","content":null,"tool_calls":[
                      {"id":"call_a1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_a1","content":"{\\"temp\\":21}"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"weather",
                   "schema":{"type":"object","properties":{"summary":{"type":"string"}}},"strict":true}},
                 "temperature":0.2,"top_p":0.9,"max_tokens":64,"seed":7,"stop":["END"]}""", "expected");
        assertThat(sent(request)).isEqualTo(expected);
    }

    @Test
    void jsonModeIsJsonObjectAndTextModeIsLeftOut() {
        assertThat(sent(ChatRequest.builder().user("x").responseFormat(ResponseFormat.JSON).build()).get("response_format"))
                .isEqualTo(WeftJson.parse("{\"type\":\"json_object\"}", "json"));
        assertThat(sent(ChatRequest.of("x")).has("response_format")).isFalse();
    }

    @Test
    void assistantTextAlongsideToolCallsIsKept() {
        ChatRequest request = ChatRequest.builder().user("q")
                .message(new AssistantMessage("Let me check.", List.of(new ToolCall("c1", "f", "{}")))).build();

        JsonNode assistant = sent(request).get("messages").get(1);

        assertThat(assistant.get("content").stringValue()).isEqualTo("Let me check.");
        assertThat(assistant.get("tool_calls")).hasSize(1);
    }

    static Stream<Arguments> generatedRequests() {
        return Generated.cases(40, ChatValues::chatRequest);
    }

    @ParameterizedTest
    @MethodSource("generatedRequests")
    void everyGeneratedRequestMapsFieldByField(ChatRequest request) {
        JsonNode body = sent(request);

        assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o-mini");
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(request.messages().size());
        for (int i = 0; i < request.messages().size(); i++) {
            assertMessage(request.messages().get(i), messages.get(i));
        }
        if (request.tools().isEmpty()) {
            assertThat(body.has("tools")).isFalse();
        } else {
            for (int i = 0; i < request.tools().size(); i++) {
                ToolSpec spec = request.tools().get(i);
                JsonNode function = body.get("tools").get(i).get("function");
                assertThat(body.get("tools").get(i).get("type").stringValue()).isEqualTo("function");
                assertThat(function.get("name").stringValue()).isEqualTo(spec.name());
                assertThat(function.has("description")).isEqualTo(!spec.description().isEmpty());
                assertThat(function.get("parameters")).isEqualTo(spec.parameters());
            }
        }
        switch (request.responseFormat()) {
            case ResponseFormat.Text t -> assertThat(body.has("response_format")).isFalse();
            case ResponseFormat.Json j -> assertThat(body.get("response_format").get("type").stringValue()).isEqualTo("json_object");
            case ResponseFormat.JsonSchema s -> {
                JsonNode schema = body.get("response_format").get("json_schema");
                assertThat(schema.get("name").stringValue()).isEqualTo(s.name());
                assertThat(schema.get("schema")).isEqualTo(s.schema());
                assertThat(schema.get("strict").booleanValue()).isEqualTo(s.strict());
            }
        }
        Sampling s = request.sampling();
        assertThat(body.has("temperature")).isEqualTo(s.temperature() != null);
        if (s.temperature() != null) {
            assertThat(body.get("temperature").doubleValue()).isEqualTo(s.temperature());
        }
        assertThat(body.has("top_p")).isEqualTo(s.topP() != null);
        assertThat(body.has("max_tokens")).isEqualTo(s.maxTokens() != null);
        if (s.seed() != null) {
            assertThat(body.get("seed").longValue()).isEqualTo(s.seed());
        }
        assertThat(body.has("stop")).isEqualTo(!s.stop().isEmpty());
        assertThat(body.has("top_k")).isFalse();
        assertThat(body.has("repetition_penalty")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("user")).as("the request context is not sent").isFalse();
    }

    private static void assertMessage(Message message, JsonNode wire) {
        switch (message) {
            case SystemMessage s -> {
                assertThat(wire.get("role").stringValue()).isEqualTo("system");
                assertThat(wire.get("content").stringValue()).isEqualTo(s.text());
            }
            case UserMessage u -> {
                assertThat(wire.get("role").stringValue()).isEqualTo("user");
                assertThat(wire.get("content").stringValue()).isEqualTo(u.text());
            }
            case AssistantMessage a -> {
                assertThat(wire.get("role").stringValue()).isEqualTo("assistant");
                if (a.hasToolCalls() && a.text().isEmpty()) {
                    assertThat(wire.get("content").isNull()).isTrue();
                } else {
                    assertThat(wire.get("content").stringValue()).isEqualTo(a.text());
                }
                assertThat(wire.has("tool_calls")).isEqualTo(a.hasToolCalls());
                for (int i = 0; i < a.toolCalls().size(); i++) {
                    ToolCall c = a.toolCalls().get(i);
                    JsonNode w = wire.get("tool_calls").get(i);
                    assertThat(w.get("id").stringValue()).isEqualTo(c.id());
                    assertThat(w.get("type").stringValue()).isEqualTo("function");
                    assertThat(w.get("function").get("name").stringValue()).isEqualTo(c.name());
                    assertThat(w.get("function").get("arguments").stringValue()).isEqualTo(c.arguments());
                }
            }
            case ToolResultMessage t -> {
                assertThat(wire.get("role").stringValue()).isEqualTo("tool");
                assertThat(wire.get("tool_call_id").stringValue()).isEqualTo(t.toolCallId());
                assertThat(wire.get("content").stringValue()).isEqualTo(t.content());
            }
        }
    }

    @Test
    void optionsChangeTheFieldsWritten() {
        ChatRequest request = ChatRequest.builder().user("q")
                .tool(ToolSpec.of("f", "", "{\"type\":\"object\"}"))
                .sampling(Sampling.builder().maxTokens(10).topK(40).repetitionPenalty(1.1).build()).build();
        try (OpenAiChatModel model = builder().maxTokensParameter(MaxTokensParameter.MAX_COMPLETION_TOKENS)
                .nonStandardSampling(true).parallelToolCalls(false).build()) {
            model.chat(request);
        }
        JsonNode body = server.lastRequest().json();

        assertThat(body.get("max_completion_tokens").intValue()).isEqualTo(10);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.get("top_k").intValue()).isEqualTo(40);
        assertThat(body.get("repetition_penalty").doubleValue()).isEqualTo(1.1);
        assertThat(body.get("parallel_tool_calls").booleanValue()).isFalse();
        assertThat(body.get("tools").get(0).get("function").has("description")).isFalse();
    }

    @Test
    void streamedRequestsAskForUsageUnlessTurnedOff() {
        try (OpenAiChatModel model = builder().build(); ChatStream stream = model.stream(ChatRequest.of("q"))) {
            stream.response();
        }
        JsonNode body = server.lastRequest().json();
        assertThat(body.get("stream").booleanValue()).isTrue();
        assertThat(body.get("stream_options")).isEqualTo(WeftJson.parse("{\"include_usage\":true}", "options"));

        try (OpenAiChatModel model = builder().streamUsage(false).build(); ChatStream stream = model.stream(ChatRequest.of("q"))) {
            stream.response();
        }
        assertThat(server.lastRequest().json().has("stream_options")).isFalse();
        assertThat(server.lastRequest().header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void headersCarryTheKeyOrganisationProjectAndExtras() {
        try (OpenAiChatModel model = builder().organization("org-1").project("proj_2").header("X-Trace", "t-3").build()) {
            model.chat(ChatRequest.of("q"));
        }
        OpenAiWireServer.Recorded r = server.lastRequest();

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.header("Authorization")).isEqualTo("Bearer sk-test-0123456789abcdef");
        assertThat(r.header("OpenAI-Organization")).isEqualTo("org-1");
        assertThat(r.header("OpenAI-Project")).isEqualTo("proj_2");
        assertThat(r.header("X-Trace")).isEqualTo("t-3");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Upgrade")).as("no h2c upgrade offered over plain http").isNull();
    }

    @Test
    void azureStyleGatewaysGetTheirHeaderAndApiVersion() {
        try (OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl() + "/openai/deployments/gpt-4o")
                .queryParameter("api-version", "2024-10-21").apiKeyHeader("api-key").apiKey("azure-key").model("gpt-4o").build()) {
            model.chat(ChatRequest.of("q"));
        }
        OpenAiWireServer.Recorded r = server.lastRequest();

        assertThat(r.path()).isEqualTo("/v1/openai/deployments/gpt-4o/chat/completions");
        assertThat(r.query()).isEqualTo("api-version=2024-10-21");
        assertThat(r.header("api-key")).isEqualTo("azure-key");
        assertThat(r.header("Authorization")).isNull();
    }

    @Test
    void withoutAKeyNoCredentialsAreSent() {
        try (OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).model("llama3.2")
                .environment(name -> null).build()) {
            model.chat(ChatRequest.of("q"));
        }
        assertThat(server.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void theKeyComesFromTheEnvironmentByDefault() {
        try (OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).model("m")
                .environment(name -> name.equals("OPENAI_API_KEY") ? "sk-from-env-1234567890" : null).build()) {
            model.chat(ChatRequest.of("q"));
        }
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer sk-from-env-1234567890");

        try (OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).model("m").apiKeyVariable("MY_GATEWAY_KEY")
                .environment(name -> name.equals("MY_GATEWAY_KEY") ? "gw-key" : null).build()) {
            model.chat(ChatRequest.of("q"));
        }
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer gw-key");
    }
}
