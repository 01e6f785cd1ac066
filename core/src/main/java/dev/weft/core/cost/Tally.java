package dev.weft.core.cost;

import dev.weft.core.model.TokenUsage;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One line of a ledger (a key's total, or its total on one day): an immutable {@link Balance} replaced by
 * compare-and-set, so that a reservation's check and its update are one atomic step and sums stay exact. Lock-free.
 */
final class Tally {
    /** The {@link #day} of a tally over all time. */
    static final long ALL_TIME = Long.MIN_VALUE;

    /** A tally's state. Amounts are exact sums of the amounts added. */
    record Balance(BigDecimal spent, BigDecimal reserved, long calls, long inputTokens, long outputTokens) {
        static final Balance ZERO = new Balance(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);

        BigDecimal claimed() {
            return spent.add(reserved);
        }
    }

    final long day;
    private final AtomicReference<Balance> balance = new AtomicReference<>(Balance.ZERO);

    Tally(long day) {
        this.day = day;
    }

    Balance balance() {
        return balance.get();
    }

    /**
     * Holds {@code amount} against {@code limit} if {@code spent + reserved + amount <= limit}.
     *
     * @return null when reserved, or the balance that had no room
     */
    Balance tryReserve(BigDecimal amount, BigDecimal limit) {
        for (;;) {
            Balance b = balance.get();
            if (b.claimed().add(amount).compareTo(limit) > 0) {
                return b;
            }
            Balance next = new Balance(b.spent, b.reserved.add(amount), b.calls, b.inputTokens, b.outputTokens);
            if (balance.compareAndSet(b, next)) {
                return null;
            }
        }
    }

    /** Records one call's {@code cost} and {@code usage} and, in the same step, gives back {@code release} (may be zero). */
    void settle(BigDecimal cost, TokenUsage usage, BigDecimal release) {
        for (;;) {
            Balance b = balance.get();
            Balance next = new Balance(b.spent.add(cost), release.signum() == 0 ? b.reserved : minus(b.reserved, release),
                    b.calls + 1, b.inputTokens + usage.inputTokens(), b.outputTokens + usage.outputTokens());
            if (balance.compareAndSet(b, next)) {
                return;
            }
        }
    }

    /** Gives back a reservation without recording anything. */
    void release(BigDecimal amount) {
        for (;;) {
            Balance b = balance.get();
            Balance next = new Balance(b.spent, minus(b.reserved, amount), b.calls, b.inputTokens, b.outputTokens);
            if (balance.compareAndSet(b, next)) {
                return;
            }
        }
    }

    /** {@code a - b}, with a plain zero (not {@code 0E-8}) when every reservation has been given back. */
    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        BigDecimal d = a.subtract(b);
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }
}
