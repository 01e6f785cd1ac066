package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Tracing} on {@code chat} calls: the span, its GenAI attributes, and the duration and token histograms. */
class TracingChatSpanTest {
    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    private ChatModel traced(ChatModel model, Tracing tracing) {
        return ChatPipeline.over(model).with(tracing).build();
    }

    @Test
    void aChatCallIsOneClientSpanNamedByOperationAndModelWithTheConventionsAttributes() {
        ScriptedChatModel model = ScriptedChatModel.named("gpt-4o-mini");
        model.thenAnswer(new ChatResponse(AssistantMessage.of("Paris."), new TokenUsage(12, 3), FinishReason.LENGTH,
                model.info(), Timings.ZERO));
        ChatRequest request = ChatRequest.builder()
                .user("Capital of France?")
                .sampling(Sampling.builder().temperature(0.2).topP(0.9).topK(40).maxTokens(64).seed(7L).stop("\n\n", "END").build())
                .responseFormat(ResponseFormat.JSON)
                .build();

        ChatResponse response = traced(model, Tracing.openTelemetry(telemetry.sdk())).chat(request);

        assertThat(response.text()).isEqualTo("Paris.");
        SpanData span = telemetry.onlySpan();
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo(Tracing.INSTRUMENTATION_NAME);
        Attributes a = span.getAttributes();
        assertThat(a.get(stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(a.get(stringKey("gen_ai.provider.name"))).isEqualTo("scripted");
        assertThat(a.get(stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
        assertThat(a.get(doubleKey("gen_ai.request.temperature"))).isEqualTo(0.2);
        assertThat(a.get(doubleKey("gen_ai.request.top_p"))).isEqualTo(0.9);
        assertThat(a.get(doubleKey("gen_ai.request.top_k"))).isEqualTo(40.0);
        assertThat(a.get(longKey("gen_ai.request.max_tokens"))).isEqualTo(64L);
        assertThat(a.get(longKey("gen_ai.request.seed"))).isEqualTo(7L);
        assertThat(a.get(stringArrayKey("gen_ai.request.stop_sequences"))).containsExactly("\n\n", "END");
        assertThat(a.get(stringKey("gen_ai.output.type"))).isEqualTo("json");
        assertThat(a.get(stringKey("gen_ai.response.model"))).isEqualTo("gpt-4o-mini");
        assertThat(a.get(stringArrayKey("gen_ai.response.finish_reasons"))).containsExactly("length");
        assertThat(a.get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(12L);
        assertThat(a.get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(3L);
        assertThat(a.get(booleanKey("gen_ai.request.stream"))).as("set for streams only").isNull();
        assertThat(a.get(stringKey("error.type"))).isNull();
    }

    @Test
    void defaultsTheModelChoosesAreLeftOff() {
        ScriptedChatModel model = ScriptedChatModel.named("m");

        traced(model, Tracing.openTelemetry(telemetry.sdk())).chat(ChatRequest.of("hi"));

        assertThat(telemetry.onlySpan().getAttributes().asMap().keySet())
                .extracting(k -> k.getKey())
                .containsExactlyInAnyOrder("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model",
                        "gen_ai.response.model", "gen_ai.response.finish_reasons", "gen_ai.usage.input_tokens",
                        "gen_ai.usage.output_tokens");
    }

    @Test
    void theDurationAndTokenHistogramsCarryTheConventionsNamesUnitsAndAttributes() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ChatModel traced = traced(model, Tracing.openTelemetry(telemetry.sdk()));

        traced.chat(ChatRequest.of("a"));
        traced.chat(ChatRequest.of("b"));

        Attributes common = Attributes.builder().put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "scripted")
                .put("gen_ai.request.model", "m").put("gen_ai.response.model", "m").build();
        assertThat(telemetry.metric("gen_ai.client.operation.duration").orElseThrow().getUnit()).isEqualTo("s");
        assertThat(telemetry.point("gen_ai.client.operation.duration", common).getCount()).isEqualTo(2);
        assertThat(telemetry.metric("gen_ai.client.token.usage").orElseThrow().getUnit()).isEqualTo("{token}");
        HistogramPointData input = telemetry.point("gen_ai.client.token.usage",
                common.toBuilder().put("gen_ai.token.type", "input").build());
        HistogramPointData output = telemetry.point("gen_ai.client.token.usage",
                common.toBuilder().put("gen_ai.token.type", "output").build());
        assertThat(input.getSum()).isEqualTo(6.0); // ScriptedChatModel reports 3 in, 2 out per call
        assertThat(output.getSum()).isEqualTo(4.0);
        assertThat(input.getBoundaries()).as("the conventions' bucket advice").startsWith(1.0, 4.0, 16.0).endsWith(67108864.0);
        assertThat(telemetry.histogram("gen_ai.client.operation.time_to_first_chunk")).as("streams only").isEmpty();
    }

    @Test
    void aResponseWithoutUsageRecordsNoTokens() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        model.thenAnswer(new ChatResponse(AssistantMessage.of("cached"), TokenUsage.ZERO, FinishReason.STOP, model.info(), null));

        traced(model, Tracing.openTelemetry(telemetry.sdk())).chat(ChatRequest.of("q"));

        assertThat(telemetry.onlySpan().getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
        assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).hasSize(1);
    }

    @Test
    void theModelThatAnsweredIsTheResponseModelEvenWhenAnotherWasCalled() {
        ScriptedChatModel primary = ScriptedChatModel.named("big");
        ModelInfo other = ModelInfo.builder("small", "onnx").build();
        primary.thenAnswer(ScriptedChatModel.answer("ok", other));

        traced(primary, Tracing.openTelemetry(telemetry.sdk())).chat(ChatRequest.of("q"));

        Attributes a = telemetry.onlySpan().getAttributes();
        assertThat(a.get(stringKey("gen_ai.request.model"))).isEqualTo("big");
        assertThat(a.get(stringKey("gen_ai.response.model"))).isEqualTo("small");
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement()
                .satisfies(p -> assertThat(p.getAttributes().get(stringKey("gen_ai.response.model"))).isEqualTo("small"));
    }

    @Test
    void whoTheRequestIsForAndThePromptThatMadeItAreOnTheSpanButNotOnMetrics() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        RequestContext context = RequestContext.builder()
                .userId("u-42").tenantId("acme").feature("support-chat").conversationId("conv-7")
                .attribute(RequestContext.PROMPT_ID, "greeting")
                .attribute(RequestContext.PROMPT_VERSION, "3")
                .attribute(RequestContext.PROMPT_HASH, "ab12")
                .attribute(RequestContext.EXPERIMENT_ID, "tone")
                .attribute(RequestContext.EXPERIMENT_VARIANT, "b")
                .attribute("request.id", "r-1")
                .build();

        traced(model, Tracing.openTelemetry(telemetry.sdk())).chat(ChatRequest.builder().user("hi").context(context).build());

        Attributes a = telemetry.onlySpan().getAttributes();
        assertThat(a.get(stringKey("user.id"))).isEqualTo("u-42");
        assertThat(a.get(stringKey("weft.tenant.id"))).isEqualTo("acme");
        assertThat(a.get(stringKey("weft.feature"))).isEqualTo("support-chat");
        assertThat(a.get(stringKey("gen_ai.conversation.id"))).isEqualTo("conv-7");
        assertThat(a.get(stringKey("prompt.id"))).isEqualTo("greeting");
        assertThat(a.get(stringKey("prompt.version"))).isEqualTo("3");
        assertThat(a.get(stringKey("prompt.hash"))).isEqualTo("ab12");
        assertThat(a.get(stringKey("experiment.id"))).isEqualTo("tone");
        assertThat(a.get(stringKey("experiment.variant"))).isEqualTo("b");
        assertThat(a.get(stringKey("request.id"))).as("only the known keys are copied").isNull();
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement()
                .satisfies(p -> assertThat(p.getAttributes().get(stringKey("user.id"))).isNull());
    }

    @Test
    void aLocalModelsChatTemplateAndVersionAndARemoteModelsServerAreOnTheSpan() {
        ScriptedChatModel local = new ScriptedChatModel(ModelInfo.builder("tiny-lm", "onnx").version("r2")
                .attribute("chat.template", "chatml").build());
        ScriptedChatModel remote = new ScriptedChatModel(ModelInfo.builder("gpt-4o-mini", "openai")
                .attribute("base_url", "https://api.openai.com/v1").build());
        ScriptedChatModel proxy = new ScriptedChatModel(ModelInfo.builder("llama", "openai")
                .attribute("base_url", "http://127.0.0.1:8080/v1").build());
        Tracing tracing = Tracing.openTelemetry(telemetry.sdk());

        traced(local, tracing).chat(ChatRequest.of("q"));
        traced(remote, tracing).chat(ChatRequest.of("q"));
        traced(proxy, tracing).chat(ChatRequest.of("q"));

        List<SpanData> spans = telemetry.spans();
        assertThat(spans.get(0).getAttributes().get(stringKey("weft.model.chat_template"))).isEqualTo("chatml");
        assertThat(spans.get(0).getAttributes().get(stringKey("weft.model.version"))).isEqualTo("r2");
        assertThat(spans.get(0).getAttributes().get(stringKey("server.address"))).isNull();
        assertThat(spans.get(1).getAttributes().get(stringKey("server.address"))).isEqualTo("api.openai.com");
        assertThat(spans.get(1).getAttributes().get(longKey("server.port"))).isEqualTo(443L);
        assertThat(spans.get(2).getAttributes().get(stringKey("server.address"))).isEqualTo("127.0.0.1");
        assertThat(spans.get(2).getAttributes().get(longKey("server.port"))).isEqualTo(8080L);
        assertThat(telemetry.histogram("gen_ai.client.operation.duration"))
                .anySatisfy(p -> assertThat(p.getAttributes().get(stringKey("server.address"))).isEqualTo("api.openai.com"));
    }

    @Test
    void theProviderNameCanBeOverridden() {
        ScriptedChatModel model = new ScriptedChatModel(ModelInfo.builder("gpt-4o", "openai").build());

        traced(model, Tracing.builder(telemetry.sdk()).providerName("azure.ai.openai").build()).chat(ChatRequest.of("q"));

        assertThat(telemetry.onlySpan().getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("azure.ai.openai");
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement()
                .satisfies(p -> assertThat(p.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("azure.ai.openai"));
    }

    @Test
    void withoutAnSdkTracingIsANoOpThatPassesCallsThrough() {
        ScriptedChatModel model = ScriptedChatModel.named("m");

        ChatResponse r = traced(model, Tracing.openTelemetry(OpenTelemetry.noop())).chat(ChatRequest.of("q"));

        assertThat(r.text()).isEqualTo("echo: q");
    }

    @Test
    void buildRejectsAMissingSdkOrABlankProviderNamingTheOption() {
        assertThatThrownBy(() -> Tracing.openTelemetry(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("openTelemetry");
        assertThatThrownBy(() -> Tracing.builder(telemetry.sdk()).providerName(" ").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("providerName");
        assertThat(Tracing.openTelemetry(telemetry.sdk()).capturesContent()).isFalse();
        assertThat(Tracing.builder(telemetry.sdk()).captureContent(true).build().capturesContent()).isTrue();
    }
}
