package dev.weft.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.ModelInfo;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Embeddings spans never carry the texts, whether content capture is on or off: the GenAI conventions define no
 * attribute for embedding inputs ({@code gen_ai.input.messages} is a chat conversation), and Weft invents none.
 */
class TracingEmbeddingsContentTest {
    private static final List<String> TEXTS = List.of("patient record 4711: diagnosis", "a second private note");

    @ParameterizedTest(name = "captureContent={0}")
    @ValueSource(booleans = {false, true})
    void theTextsAreNeverOnTheSpan(boolean captureContent) {
        try (InMemoryTelemetry telemetry = new InMemoryTelemetry()) {
            Tracing tracing = Tracing.builder(telemetry.sdk()).captureContent(captureContent).build();

            tracing.embeddings(ScriptedEmbedder.counting(ModelInfo.builder("e", "scripted").build(), 4)).embed(TEXTS);

            SpanData span = telemetry.onlySpan();
            assertThat(span.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                    .containsExactlyInAnyOrderElementsOf(Set.of("gen_ai.operation.name", "gen_ai.provider.name",
                            "gen_ai.request.model", "gen_ai.embeddings.dimension.count", "weft.embeddings.input.count",
                            "gen_ai.usage.input_tokens"));
            assertThat(span.getAttributes().asMap().values()).allSatisfy(value ->
                    assertThat(String.valueOf(value)).doesNotContain("patient", "private"));
            assertThat(span.getEvents()).isEmpty();
        }
    }
}
