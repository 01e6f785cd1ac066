package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Message content on spans: never by default; with {@code captureContent(true)}, the conversation, the answer and
 * the tools offered in the JSON shapes of the GenAI conventions.
 */
class TracingContentTest {
    private static final ToolCall WEATHER_CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");

    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final ScriptedChatModel model = ScriptedChatModel.named("m");

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    private final ChatRequest conversation = ChatRequest.builder()
            .system("Answer briefly.")
            .user("Weather in Paris?")
            .message(new AssistantMessage("", List.of(WEATHER_CALL)))
            .message(ToolResultMessage.of(WEATHER_CALL, "{\"celsius\":12}"))
            .message(new ToolResultMessage("call_2", "get_time", "noon, probably", true))
            .tool(ToolSpec.of("get_weather", "Current weather", "{\"type\":\"object\"}"))
            .tool(ToolSpec.of("get_time", "", "{\"type\":\"object\"}"))
            .build();

    private ChatResponse answer() {
        return new ChatResponse(new AssistantMessage("It is 12 °C.", List.of(new ToolCall("call_3", "log", "not json"))),
                new TokenUsage(40, 8), FinishReason.TOOL_CALLS, model.info(), Timings.ZERO);
    }

    private ChatModel traced(boolean captureContent) {
        return ChatPipeline.over(model).with(Tracing.builder(telemetry.sdk()).captureContent(captureContent).build()).build();
    }

    private static void assertJson(String actual, String expected) {
        assertThat(actual).isNotNull();
        assertThat(WeftJson.parse(actual, "actual")).isEqualTo(WeftJson.parse(expected, "expected"));
    }

    @Test
    void contentIsLeftOffByDefault() {
        model.thenAnswer(answer());

        traced(false).chat(conversation);
        traced(false).stream(conversation).close();

        assertThat(telemetry.spans()).hasSize(2).allSatisfy(span -> assertThat(span.getAttributes().asMap().keySet())
                .extracting(k -> k.getKey())
                .doesNotContain("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.tool.definitions",
                        "gen_ai.system_instructions"));
    }

    @Test
    void whenCapturedTheConversationAnswerAndToolsFollowTheConventionsSchemas() {
        model.thenAnswer(answer());

        traced(true).chat(conversation);

        Attributes a = telemetry.onlySpan().getAttributes();
        assertJson(a.get(stringKey("gen_ai.input.messages")), """
                [
                  {"role": "system", "parts": [{"type": "text", "content": "Answer briefly."}]},
                  {"role": "user", "parts": [{"type": "text", "content": "Weather in Paris?"}]},
                  {"role": "assistant", "parts": [
                    {"type": "tool_call", "id": "call_1", "name": "get_weather", "arguments": {"city": "Paris"}}]},
                  {"role": "tool", "parts": [{"type": "tool_call_response", "id": "call_1", "response": {"celsius": 12}}]},
                  {"role": "tool", "parts": [{"type": "tool_call_response", "id": "call_2", "response": "noon, probably"}]}
                ]""");
        assertJson(a.get(stringKey("gen_ai.output.messages")), """
                [{"role": "assistant", "finish_reason": "tool_call", "parts": [
                  {"type": "text", "content": "It is 12 °C."},
                  {"type": "tool_call", "id": "call_3", "name": "log", "arguments": "not json"}]}]""");
        assertJson(a.get(stringKey("gen_ai.tool.definitions")), """
                [{"type": "function", "name": "get_weather"}, {"type": "function", "name": "get_time"}]""");
    }

    @Test
    void aStreamedAnswerIsCapturedWhenTheStreamCompletesAndNotWhenItIsCancelled() {
        model.thenAnswer("streamed answer");
        model.thenAnswer("never read");
        ChatModel traced = traced(true);

        traced.stream(ChatRequest.of("first")).response();
        traced.stream(ChatRequest.of("second")).close();

        assertJson(telemetry.spans().get(0).getAttributes().get(stringKey("gen_ai.output.messages")), """
                [{"role": "assistant", "finish_reason": "stop", "parts": [{"type": "text", "content": "streamed answer"}]}]""");
        assertJson(telemetry.spans().get(1).getAttributes().get(stringKey("gen_ai.input.messages")), """
                [{"role": "user", "parts": [{"type": "text", "content": "second"}]}]""");
        assertThat(telemetry.spans().get(1).getAttributes().get(stringKey("gen_ai.output.messages"))).isNull();
    }

    @Test
    void anEmptyAssistantTurnIsOneEmptyTextPart() {
        model.thenAnswer(new ChatResponse(AssistantMessage.of(""), null, FinishReason.LENGTH, model.info(), null));

        traced(true).chat(ChatRequest.of("q"));

        assertJson(telemetry.onlySpan().getAttributes().get(stringKey("gen_ai.output.messages")), """
                [{"role": "assistant", "finish_reason": "length", "parts": [{"type": "text", "content": ""}]}]""");
    }
}
