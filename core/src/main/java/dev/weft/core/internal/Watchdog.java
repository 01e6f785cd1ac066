package dev.weft.core.internal;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread, shared by the whole process, that runs short deadline actions (closing a stream whose
 * idle or total deadline passed). Actions must be quick and must not block. Cancelled actions are removed at
 * once, so a deadline that did not fire costs nothing once its call ends. Not part of the API.
 */
public final class Watchdog {
    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private Watchdog() {}

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "weft-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Runs {@code action} once, after {@code delay}; cancel the returned future to call it off. */
    public static Future<?> schedule(Duration delay, Runnable action) {
        return EXECUTOR.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} once, after {@code delayNanos} nanoseconds. */
    public static Future<?> scheduleNanos(long delayNanos, Runnable action) {
        return EXECUTOR.schedule(action, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
