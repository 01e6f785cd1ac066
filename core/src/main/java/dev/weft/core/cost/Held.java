package dev.weft.core.cost;

import java.math.BigDecimal;

/**
 * The reservations one call holds: the same amount on up to one tally per hard budget. Each is given back exactly
 * once, either with the call's recorded cost ({@link #take}) or on its own ({@link #releaseRemaining}). Used by one
 * thread at a time.
 */
final class Held {
    /** No reservations. */
    static final Held NONE = new Held(0, BigDecimal.ZERO);

    private final Tally[] tallies;
    private final BigDecimal amount;
    private int count;

    Held(int capacity, BigDecimal amount) {
        this.tallies = new Tally[capacity];
        this.amount = amount;
    }

    /** The amount reserved on each tally. */
    BigDecimal amount() {
        return amount;
    }

    void add(Tally t) {
        tallies[count++] = t;
    }

    /** Whether this call holds a reservation on {@code t}. */
    boolean holds(Tally t) {
        for (int i = 0; i < count; i++) {
            if (tallies[i] == t) {
                return true;
            }
        }
        return false;
    }

    /** The amount to give back with {@code t}'s update: the reservation if this call holds one there, else zero. */
    BigDecimal take(Tally t) {
        for (int i = 0; i < count; i++) {
            if (tallies[i] == t) {
                tallies[i] = tallies[--count];
                tallies[count] = null;
                return amount;
            }
        }
        return BigDecimal.ZERO;
    }

    /** Gives back every reservation not yet taken. */
    void releaseRemaining() {
        for (int i = 0; i < count; i++) {
            tallies[i].release(amount);
            tallies[i] = null;
        }
        count = 0;
    }
}
