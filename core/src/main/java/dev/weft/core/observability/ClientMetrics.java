package dev.weft.core.observability;

import static dev.weft.core.observability.GenAiConventions.METRIC_OPERATION_DURATION;
import static dev.weft.core.observability.GenAiConventions.METRIC_TIME_PER_OUTPUT_CHUNK;
import static dev.weft.core.observability.GenAiConventions.METRIC_TIME_PER_OUTPUT_TOKEN;
import static dev.weft.core.observability.GenAiConventions.METRIC_TIME_TO_FIRST_CHUNK;
import static dev.weft.core.observability.GenAiConventions.METRIC_TOKEN_USAGE;
import static dev.weft.core.observability.GenAiConventions.PER_TOKEN_SECONDS_BUCKETS;
import static dev.weft.core.observability.GenAiConventions.SECONDS_BUCKETS;
import static dev.weft.core.observability.GenAiConventions.TOKEN_BUCKETS;
import static dev.weft.core.observability.GenAiConventions.UNIT_SECONDS;
import static dev.weft.core.observability.GenAiConventions.UNIT_TOKENS;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/** The histograms {@link Tracing} records into, created once per {@code Tracing}. Thread-safe. */
final class ClientMetrics {
    final DoubleHistogram operationDuration;
    final LongHistogram tokenUsage;
    final DoubleHistogram timeToFirstChunk;
    final DoubleHistogram timePerOutputChunk;
    final DoubleHistogram timePerOutputToken;

    ClientMetrics(Meter meter) {
        operationDuration = seconds(meter, METRIC_OPERATION_DURATION, "GenAI operation duration.", SECONDS_BUCKETS);
        tokenUsage = meter.histogramBuilder(METRIC_TOKEN_USAGE)
                .setUnit(UNIT_TOKENS)
                .setDescription("Number of input and output tokens used.")
                .ofLongs()
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
                .build();
        timeToFirstChunk = seconds(meter, METRIC_TIME_TO_FIRST_CHUNK,
                "Time to receive the first chunk, measured from when the client issues the generation request to when "
                        + "the first chunk is received in the response stream.",
                SECONDS_BUCKETS);
        timePerOutputChunk = seconds(meter, METRIC_TIME_PER_OUTPUT_CHUNK,
                "Time per output chunk, recorded for each chunk received after the first one, measured as the time "
                        + "elapsed from the end of the previous chunk to the end of the current chunk.",
                SECONDS_BUCKETS);
        timePerOutputToken = seconds(meter, METRIC_TIME_PER_OUTPUT_TOKEN,
                "Time per output token after the first of a completed stream: (total - time to first chunk) / "
                        + "(output tokens - 1).",
                PER_TOKEN_SECONDS_BUCKETS);
    }

    private static DoubleHistogram seconds(Meter meter, String name, String description, List<Double> buckets) {
        return meter.histogramBuilder(name)
                .setUnit(UNIT_SECONDS)
                .setDescription(description)
                .setExplicitBucketBoundariesAdvice(buckets)
                .build();
    }
}
