package dev.weft.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ModelValues;
import dev.weft.core.testing.Texts;
import dev.weft.testing.Generated;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: over generated models and text lists (empty lists, empty and blank strings, control characters, non-ASCII
 * and supplementary code points), the embeddings span carries exactly the expected attributes, each equal to what it
 * comes from — the model, the call and the response — whether content capture is on or off, and the histograms agree.
 */
class TracingEmbeddingsPropertyTest {

    /** A base URL and the {@code server.*} attributes it gives, or null for none. */
    record Server(String baseUrl, String address, Long port) {}

    private static final List<Server> SERVERS = List.of(
            new Server(null, null, null),
            new Server("https://api.openai.com/v1", "api.openai.com", 443L),
            new Server("http://localhost:11434", "localhost", 11434L),
            new Server("http://embeddings.internal/", "embeddings.internal", 80L),
            new Server("not a url", null, null));

    /** One traced call: the model, its dimension and server, the texts, whether usage is reported, content capture. */
    record Case(ModelInfo model, int dimension, Server server, List<String> texts, boolean reportsUsage,
            boolean captureContent) {}

    static Stream<Arguments> calls() {
        return Generated.cases(120, r -> {
            Server server = SERVERS.get(r.intRange(0, SERVERS.size() - 1));
            ModelInfo generated = ModelValues.modelInfo(r);
            ModelInfo model = server.baseUrl() == null ? generated
                    : generated.toBuilder().attribute(ModelInfo.BASE_URL, server.baseUrl()).build();
            return new Case(model, r.intRange(1, 4096), server, texts(r), r.trueOrFalse(0.8), r.trueOrFalse());
        });
    }

    /** 0 to 40 texts, some empty or blank, most generated from ASCII, special and non-ASCII code points. */
    private static List<String> texts(Random r) {
        int n = r.intRange(0, 3) == 0 ? r.intRange(0, 1) : r.intRange(2, 40);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(switch (r.intRange(0, 9)) {
                case 0 -> "";
                case 1 -> r.oneOf(" ", "\t\n", "\u00a0");
                default -> Texts.text(r, 200);
            });
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("calls")
    void spanAndMetricAttributesEqualWhatTheyComeFrom(Case c) {
        try (InMemoryTelemetry telemetry = new InMemoryTelemetry()) {
            Tracing tracing = Tracing.builder(telemetry.sdk()).captureContent(c.captureContent()).build();
            EmbeddingResponse[] answered = new EmbeddingResponse[1];
            ScriptedEmbedder model = ScriptedEmbedder.answering(c.model(), c.dimension(), texts -> {
                answered[0] = ScriptedEmbedder.vectors(texts, c.dimension(), c.reportsUsage());
                return answered[0];
            });

            EmbeddingResponse returned = tracing.embeddings(model).embed(c.texts());

            assertThat(returned).as("passed through untouched").isSameAs(answered[0]);
            SpanData span = telemetry.onlySpan();
            assertThat(span.getName()).isEqualTo("embeddings " + c.model().id());
            assertThat(model.currentSpans()).containsExactly(span.getSpanContext());

            Attributes metrics = metricAttributes(c);
            AttributesBuilder expected = metrics.toBuilder()
                    .put("gen_ai.embeddings.dimension.count", (long) c.dimension())
                    .put("weft.embeddings.input.count", (long) c.texts().size());
            if (!c.model().version().isEmpty()) {
                expected.put("weft.model.version", c.model().version());
            }
            TokenUsage usage = returned.usage();
            boolean usageKnown = !usage.equals(TokenUsage.ZERO);
            if (usageKnown) {
                expected.put("gen_ai.usage.input_tokens", usage.inputTokens());
            }
            assertThat(span.getAttributes().asMap()).as("exactly these attributes, content capture %s", c.captureContent())
                    .isEqualTo(expected.build().asMap());

            assertThat(telemetry.point("gen_ai.client.operation.duration", metrics).getCount()).isEqualTo(1);
            if (usageKnown) {
                assertThat(telemetry.histogram("gen_ai.client.token.usage")).singleElement().satisfies(p -> {
                    assertThat(p.getAttributes()).isEqualTo(metrics.toBuilder().put("gen_ai.token.type", "input").build());
                    assertThat(p.getSum()).isEqualTo((double) usage.inputTokens());
                });
            } else {
                assertThat(telemetry.histogram("gen_ai.client.token.usage")).isEmpty();
            }
        }
    }

    private static Attributes metricAttributes(Case c) {
        AttributesBuilder b = Attributes.builder()
                .put("gen_ai.operation.name", "embeddings")
                .put("gen_ai.provider.name", c.model().provider())
                .put("gen_ai.request.model", c.model().id());
        if (c.server().address() != null) {
            b.put("server.address", c.server().address());
        }
        if (c.server().port() != null) {
            b.put("server.port", c.server().port());
        }
        return b.build();
    }
}
