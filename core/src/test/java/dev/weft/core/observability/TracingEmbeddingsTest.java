package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.Capability;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.testing.MutableClock;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Tracing#embeddings}: the span, its attributes and histograms per the GenAI conventions' embeddings operation,
 * the span being current around the wrapped call, and the wrapper standing in for the model it wraps.
 */
class TracingEmbeddingsTest {
    private static final ModelInfo REMOTE = ModelInfo.builder("text-embedding-3-small", "openai")
            .version("2024-01")
            .capabilities(Capability.EMBEDDING)
            .attribute(ModelInfo.BASE_URL, "https://api.openai.com/v1")
            .build();

    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final Tracing tracing = Tracing.openTelemetry(telemetry.sdk());

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    /** The attributes every metric point of a call to {@link #REMOTE} carries. */
    private static Attributes remoteMetrics() {
        return Attributes.builder()
                .put("gen_ai.operation.name", "embeddings")
                .put("gen_ai.provider.name", "openai")
                .put("gen_ai.request.model", "text-embedding-3-small")
                .put("server.address", "api.openai.com")
                .put("server.port", 443L)
                .build();
    }

    @Test
    void oneCallIsOneClientSpanWithTheConventionsAttributes() {
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.counting(REMOTE, 1536));

        EmbeddingResponse response = traced.embed(List.of("first text", "second", "déjà vu 🙂"));

        SpanData span = telemetry.onlySpan();
        assertThat(span.getName()).isEqualTo("embeddings text-embedding-3-small");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().asMap()).isEqualTo(remoteMetrics().toBuilder()
                .put("weft.model.version", "2024-01")
                .put("gen_ai.embeddings.dimension.count", 1536L)
                .put("weft.embeddings.input.count", 3L)
                .put("gen_ai.usage.input_tokens", response.usage().inputTokens())
                .build().asMap());
        assertThat(response.usage().inputTokens()).isEqualTo(10 + 6 + 9);
    }

    @Test
    void durationAndInputTokensAreRecordedWithTheChatAttributeSetsButNoResponseModel() {
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.counting(REMOTE, 8));

        traced.embed(List.of("abc", "de"));
        traced.embed(List.of("fghij"));

        assertThat(telemetry.point("gen_ai.client.operation.duration", remoteMetrics()).getCount()).isEqualTo(2);
        assertThat(telemetry.histogram("gen_ai.client.token.usage")).singleElement().satisfies(p -> {
            assertThat(p.getAttributes()).isEqualTo(remoteMetrics().toBuilder().put("gen_ai.token.type", "input").build());
            assertThat(p.getCount()).isEqualTo(2);
            assertThat(p.getSum()).isEqualTo(10.0);
        });
    }

    @Test
    void aResponseWithoutUsageRecordsNoTokens() {
        EmbeddingModel traced = tracing.embeddings(
                ScriptedEmbedder.answering(REMOTE, 8, texts -> ScriptedEmbedder.vectors(texts, 8, false)));

        traced.embed(List.of("abc"));

        assertThat(telemetry.onlySpan().getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
        assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
        assertThat(telemetry.point("gen_ai.client.operation.duration", remoteMetrics()).getCount()).isEqualTo(1);
    }

    @Test
    void anEmptyListIsTracedAsACallOfNoTexts() {
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.counting(REMOTE, 8));

        assertThat(traced.embed(List.of()).embeddings()).isEmpty();

        assertThat(telemetry.onlySpan().getAttributes().get(longKey("weft.embeddings.input.count"))).isZero();
        assertThat(telemetry.onlySpan().getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
    }

    @Test
    void embedOfOneTextIsTracedToo() {
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.counting(REMOTE, 8));

        assertThat(traced.embed("one text").dimension()).isEqualTo(8);

        assertThat(telemetry.onlySpan().getAttributes().get(longKey("weft.embeddings.input.count"))).isEqualTo(1);
    }

    @Test
    void theProviderNameOverrideAppliesToEmbeddings() {
        Tracing azure = Tracing.builder(telemetry.sdk()).providerName("azure.ai.openai").build();

        azure.embeddings(ScriptedEmbedder.counting(REMOTE, 8)).embed(List.of("abc"));

        assertThat(telemetry.onlySpan().getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("azure.ai.openai");
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement()
                .satisfies(p -> assertThat(p.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("azure.ai.openai"));
    }

    @Test
    void theSpanIsCurrentWhileTheWrappedModelWorksAndAChildOfTheCallersSpan() {
        ScriptedEmbedder model = ScriptedEmbedder.counting(REMOTE, 8);
        EmbeddingModel traced = tracing.embeddings(model);
        Tracer tracer = telemetry.sdk().getTracer("test");

        Span parent = tracer.spanBuilder("ingest").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            traced.embed(List.of("abc"));
        } finally {
            parent.end();
        }

        SpanData embeddings = telemetry.spans().stream().filter(s -> s.getName().startsWith("embeddings")).findFirst().orElseThrow();
        assertThat(model.currentSpans()).containsExactly(embeddings.getSpanContext());
        assertThat(embeddings.getParentSpanContext()).isEqualTo(parent.getSpanContext());
        assertThat(Span.current().getSpanContext().isValid()).as("nothing left current after the call").isFalse();
    }

    @Test
    void withAClockTheDurationIsTheTimeTheWrappedModelTook() {
        MutableClock clock = new MutableClock();
        Tracing timed = Tracing.builder(telemetry.sdk()).clock(clock).build();
        EmbeddingModel traced = timed.embeddings(ScriptedEmbedder.answering(REMOTE, 8, texts -> {
            clock.advance(Duration.ofMillis(250));
            return ScriptedEmbedder.vectors(texts, 8, true);
        }));

        traced.embed(List.of("abc"));

        SpanData span = telemetry.onlySpan();
        assertThat(span.getEndEpochNanos() - span.getStartEpochNanos()).isEqualTo(Duration.ofMillis(250).toNanos());
        assertThat(telemetry.point("gen_ai.client.operation.duration", remoteMetrics()).getSum()).isEqualTo(0.25);
    }

    @Test
    void theTracedModelIsTheWrappedOneInEverythingButTracing() {
        ScriptedEmbedder model = ScriptedEmbedder.counting(REMOTE, 384);

        EmbeddingModel traced = tracing.embeddings(model);

        assertThat(traced.info()).isSameAs(REMOTE);
        assertThat(traced.dimension()).isEqualTo(384);
        assertThat(traced.tokenCounter()).isSameAs(ScriptedEmbedder.CODE_POINTS);
        assertThat(model.closes()).isZero();
        traced.close();
        assertThat(model.closes()).isEqualTo(1);
        assertThat(telemetry.spans()).as("only embed calls are traced").isEmpty();
    }

    @Test
    void aLocalModelWithoutBaseUrlHasNoServerAttributes() {
        ModelInfo local = ModelInfo.builder("all-minilm-l6-v2", "onnx").build();

        tracing.embeddings(ScriptedEmbedder.counting(local, 384)).embed(List.of("abc"));

        assertThat(telemetry.onlySpan().getAttributes().asMap()).isEqualTo(Attributes.builder()
                .put("gen_ai.operation.name", "embeddings")
                .put("gen_ai.provider.name", "onnx")
                .put("gen_ai.request.model", "all-minilm-l6-v2")
                .put("gen_ai.embeddings.dimension.count", 384L)
                .put("weft.embeddings.input.count", 1L)
                .put("gen_ai.usage.input_tokens", 3L)
                .build().asMap());
    }

    @Test
    void wrappingNothingIsRefusedByName() {
        assertThatThrownBy(() -> tracing.embeddings(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model");
    }
}
