package dev.weft.benchmarks;

import dev.weft.core.cache.Caches;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Timings;
import dev.weft.core.cost.Budgets;
import dev.weft.core.cost.CostScope;
import dev.weft.core.cost.Window;
import dev.weft.core.flow.OutputCheck;
import dev.weft.core.flow.OutputValidation;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.observability.Tracing;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.resilience.CircuitBreaker;
import dev.weft.core.resilience.Resilience;
import dev.weft.core.resilience.Retry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * What Weft's engineering chain costs per call, around a model that answers instantly (in process, a prebuilt
 * answer): tracing (a real OpenTelemetry SDK with a batch span processor and a periodic metric reader, whose
 * exporters drop what they get), a hard daily per-user budget plus a soft one, an exact-cache miss (every request
 * is new), resilience (retry and circuit breaker, never triggered) and an output validation hook — next to the bare
 * model, in the same run, alternating call by call and rotating who goes first. One thread. Prints one line per
 * figure.
 *
 * <p>Run: {@code ./benchmarks/run PipelineOverhead [requests=200000] [warmup=100000]}
 */
public final class PipelineOverhead {
    private PipelineOverhead() {}

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf(Locale.ROOT, "# %d requests after %d warm-up, 1 thread, in-process instant model, Java %s%n",
                requests, warmup, Runtime.version());

        ModelInfo info = ModelInfo.builder("instant", "bench")
                .pricing(Pricing.perMillion("0.15", "0.60", "USD")).build();
        ChatModel bare = new InstantModel(info);
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new DroppingSpans()).build()).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader.create(new DroppingMetrics())).build())
                .build();
        ChatModel chain = fullChain(bare, otel);

        ChatRequest[] asks = new ChatRequest[warmup + requests];
        for (int i = 0; i < asks.length; i++) {
            asks[i] = ChatRequest.builder()
                    .system("You are a helpful assistant. Answer in one sentence.")
                    .user("Question number " + i + ": what does the pipeline cost?")
                    .context(RequestContext.builder().userId("user-" + (i % 1000)).tenantId("acme").feature("bench").build())
                    .build();
        }
        long[] bareNanos = new long[requests];
        long[] chainNanos = new long[requests];
        for (int i = 0; i < asks.length; i++) {
            boolean measured = i >= warmup;
            int slot = i - warmup;
            if ((i & 1) == 0) {
                long b = time(bare, asks[i]);
                long c = time(chain, asks[i]);
                if (measured) {
                    bareNanos[slot] = b;
                    chainNanos[slot] = c;
                }
            } else {
                long c = time(chain, asks[i]);
                long b = time(bare, asks[i]);
                if (measured) {
                    bareNanos[slot] = b;
                    chainNanos[slot] = c;
                }
            }
        }
        otel.close();

        long[] overhead = new long[requests];
        for (int i = 0; i < requests; i++) {
            overhead[i] = chainNanos[i] - bareNanos[i];
        }
        Arrays.sort(bareNanos);
        Arrays.sort(chainNanos);
        Arrays.sort(overhead);
        System.out.printf(Locale.ROOT, "pipeline.latency_us bare p50=%.2f p99=%.2f%n", us(bareNanos, 0.50), us(bareNanos, 0.99));
        System.out.printf(Locale.ROOT, "pipeline.latency_us full_chain p50=%.2f p99=%.2f%n", us(chainNanos, 0.50), us(chainNanos, 0.99));
        System.out.printf(Locale.ROOT, "pipeline.overhead_us (per call, chain minus bare) p50=%.2f p99=%.2f (targets: p50 <= 200, p99 <= 1000)%n",
                us(overhead, 0.50), us(overhead, 0.99));
    }

    /** Tracing, budget, exact cache, resilience and an output check, in the order DESIGN.md §3 gives. */
    static ChatModel fullChain(ChatModel model, OpenTelemetry otel) {
        return ChatPipeline.over(model)
                .with(Tracing.openTelemetry(otel))
                .with(Budgets.builder()
                        .hard(CostScope.USER, Window.DAILY, new BigDecimal("1000000"))
                        .soft(CostScope.TENANT, Window.DAILY, new BigDecimal("1000000"))
                        .build())
                .with(Caches.exact().build())
                .with(Resilience.builder().retry(Retry.builder().maxRetries(2).build()).circuitBreaker(CircuitBreaker.ofDefaults()).build())
                .with(OutputValidation.rejecting(OutputCheck.that(r -> !r.text().isBlank(), "the answer is empty")))
                .build();
    }

    private static long time(ChatModel model, ChatRequest request) {
        long start = System.nanoTime();
        ChatResponse response = model.chat(request);
        long elapsed = System.nanoTime() - start;
        if (response.text().isEmpty()) {
            throw new IllegalStateException("no answer");
        }
        return elapsed;
    }

    private static double us(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
    }

    /** A model that answers at once with a prebuilt response. */
    private record InstantModel(ModelInfo info) implements ChatModel {
        @Override
        public ChatResponse chat(ChatRequest request) {
            return new ChatResponse(AssistantMessage.of("It costs very little."), new TokenUsage(40, 6), FinishReason.STOP, info,
                    Timings.ZERO);
        }
    }

    /** Receives batches of spans and drops them: export cost is the backend's, not the pipeline's. */
    private static final class DroppingSpans implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Receives metric batches and drops them. */
    private static final class DroppingMetrics implements MetricExporter {
        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }
    }
}
