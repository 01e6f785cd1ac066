package dev.weft.core.cost;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tallies of one key of one scope: over all time, and per day. Thread-safe. */
final class Account {
    final Tally allTime = new Tally(Tally.ALL_TIME);
    private final Map<Long, Tally> days = new ConcurrentHashMap<>();
    /** The latest day's tally, to skip the map (and boxing the day) on the common path. */
    private volatile Tally latest;

    /** The tally of {@code epochDay}, created when first asked for. */
    Tally day(long epochDay) {
        Tally t = latest;
        if (t != null && t.day == epochDay) {
            return t;
        }
        t = days.computeIfAbsent(epochDay, Tally::new);
        Tally l = latest;
        if (l == null || t.day > l.day) {
            latest = t; // a benign race: the map stays the truth, this only saves a lookup
        }
        return t;
    }

    /** The tally of {@code epochDay} if there is one. */
    Tally existingDay(long epochDay) {
        return days.get(epochDay);
    }

    Map<Long, Tally> days() {
        return days;
    }

    /** Forgets the days before {@code oldestKept}. */
    void forgetBefore(long oldestKept) {
        days.keySet().removeIf(d -> d < oldestKept);
        Tally l = latest;
        if (l != null && l.day < oldestKept) {
            latest = null;
        }
    }
}
