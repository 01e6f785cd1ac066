package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.UserMessage;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ChatValues;
import dev.weft.core.testing.ModelValues;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.Texts;
import dev.weft.testing.Generated;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Property: over generated models, requests and responses, every attribute {@link Tracing} writes equals the field
 * it comes from, fields left unset write nothing, and content appears exactly when captured.
 */
class TracingAttributesPropertyTest {
    private static final List<String> PROMPT_KEYS = List.of(RequestContext.PROMPT_ID, RequestContext.PROMPT_VERSION,
            RequestContext.PROMPT_HASH, RequestContext.EXPERIMENT_ID, RequestContext.EXPERIMENT_VARIANT);

    /** One traced call: the pipeline's model, what was asked, what came back, and whether content is captured. */
    record Case(ModelInfo model, ChatRequest request, ChatResponse response, boolean captureContent) {}

    static Stream<Arguments> calls() {
        return Generated.cases(150, r -> new Case(ModelValues.modelInfo(r), request(r), ChatValues.chatResponse(r), r.trueOrFalse()));
    }

    /** A generated request whose context sometimes carries the prompt and experiment keys. */
    private static ChatRequest request(Random r) {
        ChatRequest request = ChatValues.chatRequest(r);
        RequestContext c = request.context();
        Map<String, String> attributes = new LinkedHashMap<>(c.attributes());
        for (String key : PROMPT_KEYS) {
            if (r.trueOrFalse()) {
                attributes.put(key, Texts.text(r, 12));
            }
        }
        return request.withContext(new RequestContext(c.userId(), c.tenantId(), c.feature(), c.conversationId(), attributes));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void spanAndMetricAttributesEqualTheFieldsTheyComeFrom(Case c) {
        try (InMemoryTelemetry telemetry = new InMemoryTelemetry()) {
            ScriptedChatModel model = new ScriptedChatModel(c.model()).thenAnswer(c.response());
            Tracing tracing = Tracing.builder(telemetry.sdk()).captureContent(c.captureContent()).build();

            ChatResponse returned = ChatPipeline.over(model).with(tracing).build().chat(c.request());

            assertThat(returned).as("passed through untouched").isSameAs(c.response());
            SpanData span = telemetry.onlySpan();
            assertThat(span.getName()).isEqualTo("chat " + c.model().id());
            assertRequest(span.getAttributes(), c);
            assertResponse(span.getAttributes(), c.response());
            assertContent(span.getAttributes(), c);
            assertMetrics(telemetry, c);
        }
    }

    private static void assertRequest(Attributes a, Case c) {
        Sampling s = c.request().sampling();
        RequestContext ctx = c.request().context();
        assertThat(a.get(stringKey("gen_ai.provider.name"))).isEqualTo(c.model().provider());
        assertThat(a.get(stringKey("gen_ai.request.model"))).isEqualTo(c.model().id());
        assertThat(a.get(doubleKey("gen_ai.request.temperature"))).isEqualTo(s.temperature());
        assertThat(a.get(doubleKey("gen_ai.request.top_p"))).isEqualTo(s.topP());
        assertThat(a.get(doubleKey("gen_ai.request.top_k"))).isEqualTo(s.topK() == null ? null : s.topK().doubleValue());
        assertThat(a.get(longKey("gen_ai.request.max_tokens"))).isEqualTo(s.maxTokens() == null ? null : s.maxTokens().longValue());
        assertThat(a.get(longKey("gen_ai.request.seed"))).isEqualTo(s.seed());
        assertThat(a.get(stringArrayKey("gen_ai.request.stop_sequences"))).isEqualTo(s.stop().isEmpty() ? null : s.stop());
        assertThat(a.get(stringKey("gen_ai.output.type")))
                .isEqualTo(c.request().responseFormat() instanceof ResponseFormat.Text ? null : "json");
        assertThat(a.get(stringKey("user.id"))).isEqualTo(ctx.userId());
        assertThat(a.get(stringKey("weft.tenant.id"))).isEqualTo(ctx.tenantId());
        assertThat(a.get(stringKey("weft.feature"))).isEqualTo(ctx.feature());
        assertThat(a.get(stringKey("gen_ai.conversation.id"))).isEqualTo(ctx.conversationId());
        for (String key : PROMPT_KEYS) {
            assertThat(a.get(stringKey(key))).as(key).isEqualTo(ctx.attributes().get(key));
        }
        assertThat(a.get(stringKey("weft.model.version"))).isEqualTo(c.model().version().isEmpty() ? null : c.model().version());
    }

    private static void assertResponse(Attributes a, ChatResponse response) {
        boolean usage = !response.usage().equals(TokenUsage.ZERO);
        assertThat(a.get(stringKey("gen_ai.response.model"))).isEqualTo(response.model().id());
        assertThat(a.get(stringArrayKey("gen_ai.response.finish_reasons")))
                .containsExactly(switch (response.finishReason()) {
                    case STOP -> "stop";
                    case LENGTH -> "length";
                    case TOOL_CALLS -> "tool_call";
                    case CONTENT_FILTER -> "content_filter";
                    case CANCELLED -> "cancelled";
                    case OTHER -> "other";
                });
        assertThat(a.get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(usage ? response.usage().inputTokens() : null);
        assertThat(a.get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(usage ? response.usage().outputTokens() : null);
        assertThat(a.get(stringKey("error.type"))).isNull();
    }

    private static void assertContent(Attributes a, Case c) {
        String input = a.get(stringKey("gen_ai.input.messages"));
        String output = a.get(stringKey("gen_ai.output.messages"));
        String tools = a.get(stringKey("gen_ai.tool.definitions"));
        if (!c.captureContent()) {
            assertThat(input).isNull();
            assertThat(output).isNull();
            assertThat(tools).isNull();
            return;
        }
        JsonNode messages = WeftJson.parse(input, "gen_ai.input.messages");
        assertThat(messages.size()).isEqualTo(c.request().messages().size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = c.request().messages().get(i);
            JsonNode json = messages.get(i);
            assertThat(json.get("role").asString()).isEqualTo(switch (m) {
                case SystemMessage s -> "system";
                case UserMessage u -> "user";
                case AssistantMessage x -> "assistant";
                case ToolResultMessage t -> "tool";
            });
            if (m instanceof UserMessage u) {
                assertThat(json.get("parts").get(0).get("content").asString()).isEqualTo(u.text());
            }
            if (m instanceof AssistantMessage x) {
                List<String> called = new ArrayList<>();
                for (JsonNode part : json.get("parts")) {
                    if (part.get("type").asString().equals("tool_call")) {
                        called.add(part.get("name").asString());
                    }
                }
                assertThat(called).containsExactlyElementsOf(x.toolCalls().stream().map(t -> t.name()).toList());
            }
        }
        JsonNode answer = WeftJson.parse(output, "gen_ai.output.messages").get(0);
        assertThat(answer.get("role").asString()).isEqualTo("assistant");
        assertThat(answer.get("finish_reason").asString())
                .isEqualTo(a.get(stringArrayKey("gen_ai.response.finish_reasons")).getFirst());
        if (c.request().tools().isEmpty()) {
            assertThat(tools).isNull();
        } else {
            assertThat(WeftJson.parse(tools, "gen_ai.tool.definitions").findValuesAsString("name"))
                    .containsExactlyElementsOf(c.request().tools().stream().map(t -> t.name()).toList());
        }
    }

    private static void assertMetrics(InMemoryTelemetry telemetry, Case c) {
        Attributes base = Attributes.builder()
                .put("gen_ai.operation.name", "chat")
                .put("gen_ai.provider.name", c.model().provider())
                .put("gen_ai.request.model", c.model().id())
                .put("gen_ai.response.model", c.response().model().id())
                .build();
        assertThat(telemetry.point("gen_ai.client.operation.duration", base).getCount()).isEqualTo(1);
        TokenUsage usage = c.response().usage();
        if (usage.equals(TokenUsage.ZERO)) {
            assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
        } else {
            assertThat(telemetry.point("gen_ai.client.token.usage", base.toBuilder().put("gen_ai.token.type", "input").build())
                    .getSum()).isEqualTo((double) usage.inputTokens());
            assertThat(telemetry.point("gen_ai.client.token.usage", base.toBuilder().put("gen_ai.token.type", "output").build())
                    .getSum()).isEqualTo((double) usage.outputTokens());
        }
    }
}
