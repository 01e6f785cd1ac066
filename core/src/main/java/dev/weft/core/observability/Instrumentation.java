package dev.weft.core.observability;

import io.opentelemetry.api.trace.Tracer;
import java.time.Instant;
import java.time.InstantSource;

/**
 * What every traced call of one {@link Tracing} shares: the tracer, the histograms, whether content is captured,
 * and where time comes from.
 *
 * @param tracer makes the spans
 * @param metrics records the histograms
 * @param captureContent whether message content goes on spans
 * @param clock the time source for span timestamps and durations, or null for the default: the SDK's own clock for
 *     timestamps and {@link System#nanoTime()} for durations
 */
record Instrumentation(Tracer tracer, ClientMetrics metrics, boolean captureContent, InstantSource clock) {

    /** Now, in nanoseconds: on the epoch scale when a clock is set, else on {@link System#nanoTime()}'s scale. */
    long now() {
        if (clock == null) {
            return System.nanoTime();
        }
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Whether {@link #now()} gives epoch timestamps that spans should use. */
    boolean setsTimestamps() {
        return clock != null;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
