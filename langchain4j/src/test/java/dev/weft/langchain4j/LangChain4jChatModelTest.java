package dev.weft.langchain4j;

import static dev.weft.langchain4j.ScriptedOpenAiServer.completion;
import static dev.weft.langchain4j.ScriptedOpenAiServer.finishChunk;
import static dev.weft.langchain4j.ScriptedOpenAiServer.roleChunk;
import static dev.weft.langchain4j.ScriptedOpenAiServer.textChunk;
import static dev.weft.langchain4j.ScriptedOpenAiServer.textCompletion;
import static dev.weft.langchain4j.ScriptedOpenAiServer.toolCallChunk;
import static dev.weft.langchain4j.ScriptedOpenAiServer.toolCallsMessage;
import static dev.weft.langchain4j.ScriptedOpenAiServer.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.weft.core.GuardrailViolationException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.Capability;
import dev.weft.core.model.TokenUsage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** LangChain4j's own OpenAI client, wrapped as a Weft model, against a loopback double of the OpenAI API. */
class LangChain4jChatModelTest {
    private static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string","description":"City name"},\
            "days":{"type":"integer","minimum":1,"maximum":7}},"required":["city"]}""";
    private static final String FORECAST_SCHEMA = """
            {"type":"object","properties":{"summary":{"type":"string"},\
            "celsius":{"type":"array","items":{"type":"number"}}},"required":["summary","celsius"]}""";

    private ScriptedOpenAiServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = ScriptedOpenAiServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private OpenAiChatModel openAi() {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("gpt-4o-mini")
                .maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    private OpenAiStreamingChatModel openAiStreaming() {
        return OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void sendsTheWholeConversationToolsFormatAndSamplingOverTheWire() {
        server.enqueue(new ScriptedOpenAiServer.Json(200, textCompletion("Sunny, 21 degrees.", "stop", 42, 7)));
        ToolCall paris = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
        ToolCall oslo = new ToolCall("call_2", "get_weather", "{\"city\":\"Oslo\"}");
        ChatRequest request = ChatRequest.builder()
                .system("You forecast weather.")
                .user("Weather in Paris and Oslo?")
                .message(new AssistantMessage("", List.of(paris, oslo)))
                .message(ToolResultMessage.of(paris, "{\"celsius\":21}"))
                .message(new ToolResultMessage("call_2", "get_weather", "station offline", true))
                .user("Summarise.")
                .tool(ToolSpec.of("get_weather", "Current weather for a city", WEATHER_SCHEMA))
                .responseFormat(ResponseFormat.jsonSchema("forecast", FORECAST_SCHEMA))
                .sampling(Sampling.builder().temperature(0.2).topP(0.9).maxTokens(100).stop("END").build())
                .build();

        ChatResponse response = LangChain4jChatModel.of(openAi()).chat(request);

        JsonNode wire = server.lastRequest();
        assertThat(wire.get("model").stringValue()).isEqualTo("gpt-4o-mini");
        assertThat(wire.get("messages").values()).extracting(m -> m.get("role").stringValue())
                .containsExactly("system", "user", "assistant", "tool", "tool", "user");
        JsonNode assistant = wire.get("messages").get(2);
        assertThat(assistant.get("tool_calls").values()).extracting(c -> c.get("id").stringValue(),
                c -> c.get("function").get("name").stringValue(), c -> c.get("function").get("arguments").stringValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                        org.assertj.core.groups.Tuple.tuple("call_2", "get_weather", "{\"city\":\"Oslo\"}"));
        assertThat(wire.get("messages").get(3).get("tool_call_id").stringValue()).isEqualTo("call_1");
        assertThat(wire.get("messages").get(3).get("content").stringValue()).isEqualTo("{\"celsius\":21}");
        assertThat(wire.get("messages").get(4).get("content").stringValue()).isEqualTo("station offline");
        JsonNode function = wire.get("tools").get(0).get("function");
        assertThat(function.get("name").stringValue()).isEqualTo("get_weather");
        assertThat(function.get("description").stringValue()).isEqualTo("Current weather for a city");
        assertThat(function.get("parameters")).isEqualTo(WeftJson.parse(WEATHER_SCHEMA, "schema"));
        JsonNode format = wire.get("response_format");
        assertThat(format.get("type").stringValue()).isEqualTo("json_schema");
        assertThat(format.get("json_schema").get("name").stringValue()).isEqualTo("forecast");
        assertThat(format.get("json_schema").get("schema")).isEqualTo(WeftJson.parse(FORECAST_SCHEMA, "schema"));
        assertThat(wire.get("temperature").doubleValue()).isEqualTo(0.2);
        assertThat(wire.get("top_p").doubleValue()).isEqualTo(0.9);
        assertThat(wire.get("max_tokens").intValue()).isEqualTo(100);
        assertThat(wire.get("stop").values()).extracting(JsonNode::stringValue).containsExactly("END");

        assertThat(response.text()).isEqualTo("Sunny, 21 degrees.");
        assertThat(response.usage()).isEqualTo(new TokenUsage(42, 7));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.timings().timeToFirstToken()).isEqualTo(response.timings().total());
    }

    @Test
    void reportsWhatTheModelIsFromLangChain4j() {
        LangChain4jChatModel model = LangChain4jChatModel.builder().chatModel(openAi()).streamingChatModel(openAiStreaming())
                .build();

        assertThat(model.info().id()).isEqualTo("gpt-4o-mini");
        assertThat(model.info().provider()).isEqualTo("openai");
        assertThat(model.info().capabilities()).contains(Capability.CHAT, Capability.STREAMING);
        assertThat(model.info().attributes()).containsEntry("bridge", "langchain4j")
                .containsEntry("langchain4j.class", OpenAiChatModel.class.getName());
    }

    @Test
    void returnsParallelToolCalls() {
        server.enqueue(new ScriptedOpenAiServer.Json(200, completion(toolCallsMessage(
                new String[] {"call_a", "get_weather", "{\"city\":\"Paris\"}"},
                new String[] {"call_b", "get_time", "{\"zone\":\"CET\"}"}), "tool_calls", 30, 20)));

        ChatResponse response = LangChain4jChatModel.of(openAi()).chat(ChatRequest.builder().user("Weather and time?")
                .tool(ToolSpec.of("get_weather", "", WEATHER_SCHEMA))
                .tool(ToolSpec.of("get_time", "", "{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}}}"))
                .build());

        assertThat(response.message().toolCalls()).containsExactly(
                new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}"));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(server.lastRequest().get("tools").values()).extracting(t -> t.get("function").has("description"))
                .containsOnly(false);
    }

    @ParameterizedTest(name = "OpenAI finish_reason \"{0}\" is {1}")
    @CsvSource({"stop, STOP", "length, LENGTH", "content_filter, CONTENT_FILTER"})
    void mapsFinishReasons(String openAiReason, FinishReason expected) {
        server.enqueue(new ScriptedOpenAiServer.Json(200, textCompletion("partial", openAiReason, 3, 1)));

        assertThat(LangChain4jChatModel.of(openAi()).chat(ChatRequest.of("hi")).finishReason()).isEqualTo(expected);
    }

    @Test
    void streamsTextDeltasThenTheCompleteResponse() {
        server.enqueue(new ScriptedOpenAiServer.Sse(List.of(roleChunk(), textChunk("Hel"), textChunk("lo, "),
                textChunk("world"), finishChunk("stop"), usageChunk(5, 3))));

        List<ChatDelta> deltas = new ArrayList<>();
        ChatResponse response;
        try (ChatStream stream = LangChain4jChatModel.of(openAiStreaming()).stream(ChatRequest.of("Greet me"))) {
            response = stream.forEachDelta(deltas::add);
        }

        assertThat(deltas).containsExactly(new ChatDelta.Text("Hel"), new ChatDelta.Text("lo, "), new ChatDelta.Text("world"));
        assertThat(response.text()).isEqualTo("Hello, world");
        assertThat(response.usage()).isEqualTo(new TokenUsage(5, 3));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.timings().timeToFirstToken()).isLessThanOrEqualTo(response.timings().total());
        assertThat(server.lastRequest().get("stream").booleanValue()).isTrue();
        assertThat(server.lastRequest().get("stream_options").get("include_usage").booleanValue()).isTrue();
    }

    @Test
    void streamsParallelToolCallsAsChunksThatAssembleToTheCalls() {
        server.enqueue(new ScriptedOpenAiServer.Sse(List.of(
                toolCallChunk(0, "call_a", "get_weather", ""),
                toolCallChunk(0, null, null, "{\"ci"),
                toolCallChunk(0, null, null, "ty\":\"Paris\"}"),
                toolCallChunk(1, "call_b", "get_time", "{\"zone\""),
                toolCallChunk(1, null, null, ":\"CET\"}"),
                finishChunk("tool_calls"), usageChunk(12, 9))));

        List<ChatDelta> deltas = new ArrayList<>();
        ChatResponse response;
        try (ChatStream stream = LangChain4jChatModel.of(openAiStreaming()).stream(ChatRequest.builder()
                .user("Weather and time?").tool(ToolSpec.of("get_weather", "", WEATHER_SCHEMA))
                .tool(ToolSpec.of("get_time", "", "{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}}}"))
                .build())) {
            response = stream.forEachDelta(deltas::add);
        }

        Map<Integer, StringBuilder> arguments = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        for (ChatDelta d : deltas) {
            ChatDelta.ToolCallChunk c = (ChatDelta.ToolCallChunk) d;
            if (c.name() != null) {
                assertThat(names.put(c.index(), c.id() + "/" + c.name())).as("only the first chunk names the call").isNull();
            }
            arguments.computeIfAbsent(c.index(), i -> new StringBuilder()).append(c.argumentsFragment());
        }
        assertThat(names).containsExactly(Map.entry(0, "call_a/get_weather"), Map.entry(1, "call_b/get_time"));
        assertThat(arguments.get(0)).hasToString("{\"city\":\"Paris\"}");
        assertThat(arguments.get(1)).hasToString("{\"zone\":\"CET\"}");
        assertThat(response.message().toolCalls()).containsExactly(
                new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}"));
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.usage()).isEqualTo(new TokenUsage(12, 9));
    }

    @Test
    void aToolCallWhoseArgumentsAreNeverStreamedArrivesAsOneWholeChunk() {
        server.enqueue(new ScriptedOpenAiServer.Sse(List.of(toolCallChunk(0, "call_p", "ping", ""),
                finishChunk("tool_calls"), usageChunk(4, 1))));

        List<ChatDelta> deltas = new ArrayList<>();
        ChatResponse response;
        try (ChatStream stream = LangChain4jChatModel.of(openAiStreaming()).stream(ChatRequest.builder().user("ping")
                .tool(ToolSpec.of("ping", "", "{\"type\":\"object\"}")).build())) {
            response = stream.forEachDelta(deltas::add);
        }

        assertThat(deltas).containsExactly(new ChatDelta.ToolCallChunk(0, "call_p", "ping", "{}"));
        assertThat(response.message().toolCalls()).containsExactly(new ToolCall("call_p", "ping", "{}"));
    }

    static Stream<Arguments> chunkings() {
        return IntStream.range(0, 12).mapToObj(seed -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(40);
            for (int i = 0; i < words; i++) {
                text.append(i == 0 ? "" : " ").append(Integer.toString(random.nextInt(1_000_000), 36));
                if (random.nextInt(8) == 0) {
                    text.append("é\n\"{}");
                }
            }
            List<String> pieces = new ArrayList<>();
            for (int at = 0; at < text.length(); ) {
                int end = Math.min(text.length(), at + 1 + random.nextInt(7));
                pieces.add(text.substring(at, end));
                at = end;
            }
            return Arguments.of(seed, pieces, 1 + random.nextInt(4));
        });
    }

    @ParameterizedTest(name = "seed {0}: {1} through a buffer of {2}")
    @MethodSource("chunkings")
    void streamedTextArrivesWholeAndInOrderWhateverTheChunkingAndBuffer(int seed, List<String> pieces, int bufferSize) {
        List<String> chunks = new ArrayList<>(List.of(roleChunk()));
        pieces.forEach(p -> chunks.add(textChunk(p)));
        chunks.add(finishChunk("stop"));
        chunks.add(usageChunk(1, pieces.size()));
        server.enqueue(new ScriptedOpenAiServer.Sse(chunks));

        StringBuilder received = new StringBuilder();
        List<String> deltas = new ArrayList<>();
        LangChain4jChatModel model = LangChain4jChatModel.builder().streamingChatModel(openAiStreaming())
                .streamBufferSize(bufferSize).build();
        ChatResponse response;
        try (ChatStream stream = model.stream(ChatRequest.of("seed " + seed))) {
            response = stream.forEachDelta(d -> deltas.add(((ChatDelta.Text) d).text()));
        }
        deltas.forEach(received::append);

        assertThat(deltas).as("seed %d", seed).containsExactlyElementsOf(pieces);
        assertThat(response.text()).as("seed %d", seed).isEqualTo(String.join("", pieces)).isEqualTo(received.toString());
        assertThat(response.usage().outputTokens()).as("seed %d", seed).isEqualTo(pieces.size());
    }

    @Test
    void closingAStreamEarlyStopsReadingTheResponseAndReleasesTheCallbackThread() throws InterruptedException {
        ScriptedOpenAiServer.Endless endless = new ScriptedOpenAiServer.Endless(textChunk("token "), 2_000_000);
        server.enqueue(endless);
        ObservedStreamingChatModel observed = new ObservedStreamingChatModel(openAiStreaming());
        LangChain4jChatModel model = LangChain4jChatModel.builder().streamingChatModel(observed).streamBufferSize(2).build();

        ChatStream stream = model.stream(ChatRequest.of("Talk forever"));
        var deltas = stream.iterator();
        for (int i = 0; i < 3; i++) {
            assertThat(deltas.next()).isEqualTo(new ChatDelta.Text("token "));
        }
        stream.close();

        assertThat(endless.awaitEnd()).as("the server stops writing once the client has gone").isTrue();
        assertThat(endless.failure()).as("it stops because the connection was closed").isNotNull();
        assertThat(endless.written()).isLessThan(2_000_000);
        assertThat(observed.awaitNoCallbackRunning()).as("no LangChain4j callback is left blocked in the bridge").isTrue();
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class).hasMessageContaining("closed");
    }

    @Test
    void closingAStreamBeforeReadingItSendsNothing() {
        try (ChatStream stream = LangChain4jChatModel.of(openAiStreaming()).stream(ChatRequest.of("never sent"))) {
            assertThat(stream).isNotNull();
        }

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aStreamingOnlyModelAnswersChatByReadingItsStream() {
        server.enqueue(new ScriptedOpenAiServer.Sse(List.of(textChunk("one"), textChunk(" piece"), finishChunk("stop"),
                usageChunk(2, 2))));

        ChatResponse response = LangChain4jChatModel.of(openAiStreaming()).chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEqualTo("one piece");
        assertThat(response.usage()).isEqualTo(new TokenUsage(2, 2));
    }

    @Test
    void aBlockingOnlyModelStreamsItsWholeAnswerAsOneDelta() {
        server.enqueue(new ScriptedOpenAiServer.Json(200, textCompletion("whole answer", "stop", 2, 2)));

        List<ChatDelta> deltas = new ArrayList<>();
        try (ChatStream stream = LangChain4jChatModel.of(openAi()).stream(ChatRequest.of("hi"))) {
            stream.forEachDelta(deltas::add);
        }

        assertThat(deltas).containsExactly(new ChatDelta.Text("whole answer"));
    }

    @Test
    void refusesASeedUnlessTheCallerMapsIt() {
        ChatRequest seeded = ChatRequest.builder().user("hi").sampling(Sampling.builder().seed(7L).build()).build();

        assertThatThrownBy(() -> LangChain4jChatModel.of(openAi()).chat(seeded))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("seed")
                .hasMessageContaining(".parameters(");
        assertThat(server.requests()).isEmpty();

        server.enqueue(new ScriptedOpenAiServer.Json(200, textCompletion("ok", "stop", 1, 1)));
        LangChain4jChatModel mapped = LangChain4jChatModel.builder().chatModel(openAi())
                .parameters((request, portable) -> OpenAiChatRequestParameters.builder().overrideWith(portable)
                        .seed(request.sampling().seed().intValue()).build())
                .build();
        assertThat(mapped.chat(seeded).text()).isEqualTo("ok");
        assertThat(server.lastRequest().get("seed").intValue()).isEqualTo(7);
    }

    @Test
    void aParameterTheProviderLacksIsAnUnsupportedCapability() {
        ChatRequest topK = ChatRequest.builder().user("hi").sampling(Sampling.builder().topK(5).build()).build();

        assertThatThrownBy(() -> LangChain4jChatModel.of(openAi()).chat(topK))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("topK");
    }

    @Test
    void providerErrorsBecomeWeftsTypedExceptions() {
        LangChain4jChatModel model = LangChain4jChatModel.of(openAi());
        ChatRequest request = ChatRequest.of("hi");

        server.enqueue(ScriptedOpenAiServer.rateLimited());
        assertThatThrownBy(() -> model.chat(request)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("Rate limit reached");
        server.enqueue(new ScriptedOpenAiServer.Json(503, ScriptedOpenAiServer.error("overloaded")));
        assertThatThrownBy(() -> model.chat(request)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("overloaded");
        server.enqueue(new ScriptedOpenAiServer.Json(400, ScriptedOpenAiServer.error("messages too long")));
        assertThatThrownBy(() -> model.chat(request)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("messages too long");
        server.enqueue(new ScriptedOpenAiServer.Json(404, ScriptedOpenAiServer.error("model gpt-4o-mini does not exist")));
        assertThatThrownBy(() -> model.chat(request)).isInstanceOf(ModelNotFoundException.class);
        server.enqueue(new ScriptedOpenAiServer.Json(401, ScriptedOpenAiServer.error("invalid api key")));
        assertThatThrownBy(() -> model.chat(request)).isExactlyInstanceOf(WeftException.class)
                .hasMessageContaining("API key");
        server.enqueue(new ScriptedOpenAiServer.Json(200, "{\"id\": \"chatcmpl-1\", \"choices\": [ {\"index\""));
        assertThatThrownBy(() -> model.chat(request)).isInstanceOf(InvalidModelResponseException.class);
    }

    @Test
    void streamingErrorsSurfaceFromTheIteratorAsTypedExceptions() {
        server.enqueue(ScriptedOpenAiServer.rateLimited());

        try (ChatStream stream = LangChain4jChatModel.of(openAiStreaming()).stream(ChatRequest.of("hi"))) {
            assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(RateLimitedException.class);
            assertThatThrownBy(stream::response).isInstanceOf(RateLimitedException.class);
        }
    }

    @Test
    void anUnreachableServerIsUnavailable() {
        OpenAiChatModel unreachable = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
                .maxRetries(0).build();
        server.close();

        assertThatThrownBy(() -> LangChain4jChatModel.of(unreachable).chat(ChatRequest.of("hi")))
                .isInstanceOf(ModelUnavailableException.class);
    }

    @Test
    void refusesWhatLangChain4jCannotCarryBeforeSendingAnything() {
        LangChain4jChatModel model = LangChain4jChatModel.of(openAi());

        assertThatThrownBy(() -> model.chat(ChatRequest.builder().system(" ").user("hi").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("messages[0]");
        assertThatThrownBy(() -> model.chat(ChatRequest.builder().user("hi")
                .tool(ToolSpec.of("pick", "", "{\"type\":\"object\",\"oneOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}"))
                .build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'pick'").hasMessageContaining("oneOf");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aContentFilterRefusalIsAGuardrailViolation() {
        assertThat(ErrorTranslation.translate(new dev.langchain4j.exception.ContentFilteredException("flagged"), "m"))
                .isInstanceOf(GuardrailViolationException.class).hasMessageContaining("flagged");
    }

    @Test
    void aClosedModelRefusesCalls() {
        LangChain4jChatModel model = LangChain4jChatModel.of(openAi());
        model.close();
        model.close();

        assertThatThrownBy(() -> model.chat(ChatRequest.of("hi"))).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> model.stream(ChatRequest.of("hi"))).isInstanceOf(ResourceClosedException.class);
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> LangChain4jChatModel.builder().build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chatModel(..)");
        assertThatThrownBy(() -> LangChain4jChatModel.builder().chatModel(openAi()).streamBufferSize(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("streamBufferSize");
    }
}
