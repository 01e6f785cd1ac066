package dev.weft.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real OpenTelemetry SDK whose spans and metrics stay in memory for the test to read: finished spans are exported
 * synchronously, metrics are collected on demand (cumulative).
 */
final class InMemoryTelemetry implements AutoCloseable {
    private final InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
    private final InMemoryMetricReader metricReader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spanExporter)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metricReader).build())
            .build();

    OpenTelemetrySdk sdk() {
        return sdk;
    }

    /** The finished spans, in the order they ended. */
    List<SpanData> spans() {
        return spanExporter.getFinishedSpanItems();
    }

    /** The one finished span; fails if there is not exactly one. */
    SpanData onlySpan() {
        List<SpanData> spans = spans();
        assertThat(spans).as("finished spans").hasSize(1);
        return spans.getFirst();
    }

    /** The metric called {@code name}, if anything was recorded in it. */
    Optional<MetricData> metric(String name) {
        return metricReader.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    /** The histogram points of {@code name}; empty when nothing was recorded. */
    List<HistogramPointData> histogram(String name) {
        return metric(name).map(m -> List.copyOf(m.getHistogramData().getPoints())).orElse(List.of());
    }

    /** The histogram point of {@code name} with exactly {@code attributes}; fails if there is none. */
    HistogramPointData point(String name, Attributes attributes) {
        return histogram(name).stream()
                .filter(p -> p.getAttributes().equals(attributes))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point of " + name + " with " + attributes + " among " + histogram(name)));
    }

    /**
     * The value of every point of the sum (counter or up-down counter, long or double) {@code name} in one collection,
     * by its attributes; empty when nothing was recorded.
     */
    Map<Attributes, Number> sums(String name) {
        Map<Attributes, Number> values = new HashMap<>();
        metric(name).ifPresent(m -> {
            switch (m.getType()) {
                case LONG_SUM -> m.getLongSumData().getPoints().forEach(p -> values.put(p.getAttributes(), p.getValue()));
                case DOUBLE_SUM -> m.getDoubleSumData().getPoints().forEach(p -> values.put(p.getAttributes(), p.getValue()));
                default -> throw new AssertionError(name + " is a " + m.getType() + ", not a sum");
            }
        });
        return values;
    }

    @Override
    public void close() {
        sdk.close();
    }
}
