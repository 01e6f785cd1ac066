package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.WireReply;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** A non-streamed chat completion, as the API sends it, becomes a {@link ChatResponse}. */
class ChatResponseMappingTest {
    private OpenAiWireServer server;
    private OpenAiChatModel model;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start();
        model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test-0123456789abcdef").model("gpt-4o-mini")
                .pricing(Pricing.perMillion("0.15", "0.60", "USD")).contextWindow(128_000).build();
    }

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    @Test
    void textAnswerCarriesUsageFinishReasonModelAndTimings() {
        server.enqueue(WireReply.json(OpenAiWire.completion().content("Paris.").usage(19, 2).json()));

        ChatResponse r = model.chat(ChatRequest.of("Capital of France?"));

        assertThat(r.text()).isEqualTo("Paris.");
        assertThat(r.message().toolCalls()).isEmpty();
        assertThat(r.usage()).isEqualTo(new TokenUsage(19, 2));
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.model().id()).isEqualTo("gpt-4o-mini");
        assertThat(r.model().version()).isEqualTo(OpenAiWire.SNAPSHOT);
        assertThat(r.model().provider()).isEqualTo("openai");
        assertThat(r.model().pricing()).isEqualTo(Pricing.perMillion("0.15", "0.60", "USD"));
        assertThat(r.model().contextWindow()).isEqualTo(128_000);
        assertThat(r.timings().total()).isPositive();
        assertThat(r.timings().timeToFirstToken()).isEqualTo(r.timings().total());
    }

    @Test
    void parallelToolCallsComeBackInOrderWithNullContent() {
        server.enqueue(WireReply.json(OpenAiWire.completion()
                .toolCall("call_a1", "get_weather", "{\"city\":\"Paris\"}")
                .toolCall("call_b2", "get_time", "{\"zone\":\"Europe/Paris\"}")
                .json()));

        ChatResponse r = model.chat(ChatRequest.of("Weather and time in Paris?"));

        assertThat(r.text()).isEmpty();
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.message().toolCalls()).containsExactly(
                new ToolCall("call_a1", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("call_b2", "get_time", "{\"zone\":\"Europe/Paris\"}"));
        assertThat(r.message().toolCalls().get(0).argumentsJson().get("city").stringValue()).isEqualTo("Paris");
    }

    @Test
    void refusalBecomesTheTextWithContentFilterFinish() {
        server.enqueue(WireReply.json(OpenAiWire.completion().refusal("I can't help with that.").json()));

        ChatResponse r = model.chat(ChatRequest.of("…"));

        assertThat(r.text()).isEqualTo("I can't help with that.");
        assertThat(r.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    }

    static Stream<Arguments> finishReasons() {
        return Stream.of(
                Arguments.of("stop", FinishReason.STOP),
                Arguments.of("length", FinishReason.LENGTH),
                Arguments.of("tool_calls", FinishReason.TOOL_CALLS),
                Arguments.of("function_call", FinishReason.TOOL_CALLS),
                Arguments.of("content_filter", FinishReason.CONTENT_FILTER),
                Arguments.of("eos", FinishReason.STOP),
                Arguments.of("something_new", FinishReason.OTHER));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("finishReasons")
    void finishReasonsMapToCore(String wire, FinishReason expected) {
        server.enqueue(WireReply.json(OpenAiWire.completion().content("x").finishReason(wire).json()));

        assertThat(model.chat(ChatRequest.of("q")).finishReason()).isEqualTo(expected);
    }

    @Test
    void missingFinishReasonAndUsageAreTolerated() {
        ObjectNode tree = OpenAiWire.completion().content("ok").tree();
        ((ObjectNode) tree.get("choices").get(0)).remove("finish_reason");
        tree.remove("usage");
        server.enqueue(WireReply.json(tree.toString()));

        ChatResponse r = model.chat(ChatRequest.of("q"));

        assertThat(r.text()).isEqualTo("ok");
        assertThat(r.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(r.usage()).isEqualTo(TokenUsage.ZERO);
    }

    @Test
    void contentAsAnArrayOfTextPartsIsJoined() {
        ObjectNode tree = OpenAiWire.completion().content("ignored").tree();
        ObjectNode message = (ObjectNode) tree.get("choices").get(0).get("message");
        var parts = message.putArray("content");
        parts.addObject().put("type", "text").put("text", "Hello, ");
        parts.addObject().put("type", "text").put("text", "world");
        server.enqueue(WireReply.json(tree.toString()));

        assertThat(model.chat(ChatRequest.of("q")).text()).isEqualTo("Hello, world");
    }

    @Test
    void argumentsSentAsAnObjectRatherThanAStringAreAccepted() {
        ObjectNode tree = OpenAiWire.completion().toolCall("call_1", "f", "{}").tree();
        ObjectNode function = (ObjectNode) tree.get("choices").get(0).get("message").get("tool_calls").get(0).get("function");
        function.putObject("arguments").put("n", 3);
        server.enqueue(WireReply.json(tree.toString()));

        assertThat(model.chat(ChatRequest.of("q")).message().toolCalls())
                .containsExactly(new ToolCall("call_1", "f", "{\"n\":3}"));
    }

    @Test
    void reportedModelEqualToTheConfiguredOneLeavesTheVersionEmpty() {
        server.enqueue(WireReply.json(OpenAiWire.completion().content("x").model("gpt-4o-mini").json()));

        ChatResponse r = model.chat(ChatRequest.of("q"));

        assertThat(r.model()).isEqualTo(model.info());
        assertThat(r.model().version()).isEmpty();
    }
}
