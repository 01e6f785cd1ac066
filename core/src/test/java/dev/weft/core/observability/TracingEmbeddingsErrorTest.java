package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.ModelInfo;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Tracing#embeddings} on failures: the span gets {@code error.type}, an {@code ERROR} status and the exception,
 * the duration histogram gets {@code error.type}, no tokens are recorded, and the caller gets the very exception the
 * wrapped model threw.
 */
class TracingEmbeddingsErrorTest {
    private static final ModelInfo MODEL = ModelInfo.builder("e", "scripted").build();

    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
    private final Tracing tracing = Tracing.openTelemetry(telemetry.sdk());

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    /** An {@link Error} a native embedding runtime might throw. */
    static final class NativeCrash extends Error {
        private static final long serialVersionUID = 1L;

        NativeCrash() {
            super("onnx session crashed");
        }
    }

    private void assertFailedSpan(Throwable thrown, Throwable expected) {
        assertThat(thrown).isSameAs(expected);
        SpanData span = telemetry.onlySpan();
        assertThat(span.getName()).isEqualTo("embeddings e");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo(expected.getMessage());
        assertThat(span.getAttributes().get(stringKey("error.type"))).isEqualTo(expected.getClass().getCanonicalName());
        assertThat(span.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
        assertThat(span.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("exception");
            assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo(expected.getClass().getCanonicalName());
        });
        assertThat(telemetry.histogram("gen_ai.client.operation.duration")).singleElement().satisfies(p -> assertThat(p.getAttributes())
                .isEqualTo(Attributes.builder().put("gen_ai.operation.name", "embeddings").put("gen_ai.provider.name", "scripted")
                        .put("gen_ai.request.model", "e").put("error.type", expected.getClass().getCanonicalName()).build()));
        assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
    }

    @Test
    void aFailedCallIsAnErrorSpanNamingTheExceptionClass() {
        ModelUnavailableException failure = new ModelUnavailableException("embeddings endpoint unreachable: connection reset");
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.failing(MODEL, failure));

        Throwable thrown = catchThrowable(() -> traced.embed(List.of("a", "b")));

        assertFailedSpan(thrown, failure);
        assertThat(telemetry.onlySpan().getAttributes().get(longKey("weft.embeddings.input.count"))).isEqualTo(2);
    }

    @Test
    void aRefusedInputIsRecordedAndRethrownUnchanged() {
        InvalidInputException refusal = new InvalidInputException("texts[1] must not be null or blank");
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.failing(MODEL, refusal));

        Throwable thrown = catchThrowable(() -> traced.embed(List.of("a", " ")));

        assertFailedSpan(thrown, refusal);
    }

    @Test
    void anErrorFromTheModelIsRecordedAndRethrownUnchanged() {
        NativeCrash crash = new NativeCrash();
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.failing(MODEL, crash));

        Throwable thrown = catchThrowable(() -> traced.embed(List.of("a")));

        assertFailedSpan(thrown, crash);
    }

    @Test
    void aNullListReachesTheWrappedModelAndItsRefusalIsRecorded() {
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.counting(MODEL, 4));

        Throwable thrown = catchThrowable(() -> traced.embed((List<String>) null));

        assertThat(thrown).isInstanceOf(NullPointerException.class);
        assertThat(telemetry.onlySpan().getAttributes().get(longKey("weft.embeddings.input.count"))).isNull();
        assertThat(telemetry.onlySpan().getAttributes().get(stringKey("error.type"))).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void aNullTextReachesTheWrappedModelUnchanged() {
        EmbeddingModel traced = tracing.embeddings(ScriptedEmbedder.counting(MODEL, 4));

        Throwable thrown = catchThrowable(() -> traced.embed(Arrays.asList("a", null)));

        assertThat(thrown).isInstanceOf(NullPointerException.class);
        assertThat(telemetry.onlySpan().getAttributes().get(longKey("weft.embeddings.input.count"))).isEqualTo(2);
    }
}
