package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.testing.Generated;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent calls through one {@link Tracing} each get their own span, whose attributes are those of their own
 * request and response, and the histograms add up over all of them.
 */
class TracingConcurrencyTest {
    private static final int CALLS = 400;
    private static final List<ModelInfo> ANSWERING = List.of(
            ModelInfo.builder("m", "scripted").build(),
            ModelInfo.builder("m-mini", "scripted").build(),
            ModelInfo.builder("m-local", "onnx").build());

    /** A test double: answers call {@code i} (its user text) with usage {@code (i + 1, 2i + 1)} from model {@code i % 3}. */
    private static final class NumberedModel implements ChatModel {
        @Override
        public ModelInfo info() {
            return ANSWERING.getFirst();
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            int i = Integer.parseInt(request.lastUserText());
            return new ChatResponse(AssistantMessage.of("answer " + i), new TokenUsage(i + 1, 2L * i + 1), FinishReason.STOP,
                    ANSWERING.get(i % 3), Timings.ZERO);
        }
    }

    @Test
    void concurrentChatsAndStreamsProduceIndependentSpansWithTheirOwnAttributes() throws Exception {
        long seed = Generated.BASE_SEED;
        List<Boolean> streamed = Generated.generate(seed, r -> {
            List<Boolean> list = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                list.add(r.trueOrFalse());
            }
            return list;
        });
        try (InMemoryTelemetry telemetry = new InMemoryTelemetry()) {
            ChatModel model = ChatPipeline.over(new NumberedModel()).with(Tracing.openTelemetry(telemetry.sdk())).build();
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                ChatRequest request = ChatRequest.builder().user(Integer.toString(i))
                        .context(RequestContext.builder().userId("u-" + i).build()).build();
                boolean stream = streamed.get(i);
                calls.add(() -> stream ? model.stream(request).response().text() : model.chat(request).text());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (Future<String> f : pool.invokeAll(calls)) {
                    assertThat(f.get()).startsWith("answer ");
                }
            } finally {
                pool.shutdown();
            }

            List<SpanData> spans = telemetry.spans();
            assertThat(spans).as("seed " + seed).hasSize(CALLS);
            assertThat(spans.stream().map(SpanData::getTraceId).distinct()).as("one trace per call").hasSize(CALLS);
            assertThat(spans).allSatisfy(s -> assertThat(s.getParentSpanContext().isValid()).isFalse());
            HashSet<Integer> seen = new HashSet<>();
            for (SpanData span : spans) {
                Attributes a = span.getAttributes();
                int i = Integer.parseInt(a.get(stringKey("user.id")).substring(2));
                seen.add(i);
                assertThat(a.get(longKey("gen_ai.usage.input_tokens"))).as("call %d, seed %d", i, seed).isEqualTo(i + 1L);
                assertThat(a.get(longKey("gen_ai.usage.output_tokens"))).as("call %d", i).isEqualTo(2L * i + 1);
                assertThat(a.get(stringKey("gen_ai.response.model"))).as("call %d", i).isEqualTo(ANSWERING.get(i % 3).id());
                assertThat(a.get(booleanKey("gen_ai.request.stream"))).as("call %d", i).isEqualTo(streamed.get(i) ? true : null);
            }
            assertThat(seen).hasSize(CALLS);

            double inputSum = telemetry.histogram("gen_ai.client.token.usage").stream()
                    .filter(p -> "input".equals(p.getAttributes().get(stringKey("gen_ai.token.type"))))
                    .mapToDouble(p -> p.getSum()).sum();
            assertThat(inputSum).isEqualTo(CALLS * (CALLS + 1) / 2.0);
            long durations = telemetry.histogram("gen_ai.client.operation.duration").stream().mapToLong(p -> p.getCount()).sum();
            assertThat(durations).isEqualTo(CALLS);
        }
    }
}
