package dev.weft.core.observability;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;

/**
 * A test double: a {@link ChatStream.Source} that moves a {@link MutableClock} forward before handing out each delta
 * (by {@code gaps.get(i)} before delta {@code i}) and by {@code tail} before finishing, so that a traced stream's
 * timings are known exactly. Failing instead of finishing is optional.
 */
final class PacedSource implements ChatStream.Source {
    private final MutableClock clock;
    private final List<ChatDelta> deltas;
    private final List<Duration> gaps;
    private final Duration tail;
    private final ChatResponse response;
    private final RuntimeException failure;
    private int position;

    private PacedSource(MutableClock clock, List<ChatDelta> deltas, List<Duration> gaps, Duration tail,
            ChatResponse response, RuntimeException failure) {
        if (deltas.size() != gaps.size()) {
            throw new IllegalArgumentException("one gap per delta: " + deltas.size() + " deltas, " + gaps.size() + " gaps");
        }
        this.clock = clock;
        this.deltas = List.copyOf(deltas);
        this.gaps = List.copyOf(gaps);
        this.tail = tail;
        this.response = response;
        this.failure = failure;
    }

    /** Hands out {@code deltas} after their {@code gaps}, then finishes with {@code response} after {@code tail}. */
    static PacedSource finishing(MutableClock clock, List<ChatDelta> deltas, List<Duration> gaps, Duration tail,
            ChatResponse response) {
        return new PacedSource(clock, deltas, gaps, tail, response, null);
    }

    /** Hands out {@code deltas} after their {@code gaps}, then throws {@code failure} after {@code tail}. */
    static PacedSource failing(MutableClock clock, List<ChatDelta> deltas, List<Duration> gaps, Duration tail,
            RuntimeException failure) {
        return new PacedSource(clock, deltas, gaps, tail, null, failure);
    }

    @Override
    public ChatDelta next() {
        if (position < deltas.size()) {
            clock.advance(gaps.get(position));
            return deltas.get(position++);
        }
        clock.advance(tail);
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    @Override
    public ChatResponse finish() {
        return response;
    }
}
