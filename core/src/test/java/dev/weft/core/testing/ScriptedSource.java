package dev.weft.core.testing;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double: a {@link ChatStream.Source} that hands out a fixed list of deltas, then either finishes with a
 * response or fails at a chosen point. Counts every call so that tests can check the stream's contract.
 */
public final class ScriptedSource implements ChatStream.Source {
    private final List<ChatDelta> deltas;
    private final ChatResponse response;
    private final int failAt;
    private final RuntimeException failure;
    private final boolean failInFinish;
    private int position;
    private final AtomicInteger nextCalls = new AtomicInteger();
    private final AtomicInteger finishCalls = new AtomicInteger();
    private final AtomicInteger closeCalls = new AtomicInteger();

    private ScriptedSource(List<ChatDelta> deltas, ChatResponse response, int failAt, RuntimeException failure,
            boolean failInFinish) {
        this.deltas = List.copyOf(deltas);
        this.response = response;
        this.failAt = failAt;
        this.failure = failure;
        this.failInFinish = failInFinish;
    }

    /** Hands out {@code deltas}, then finishes with {@code response}. */
    public ScriptedSource(List<ChatDelta> deltas, ChatResponse response) {
        this(deltas, response, -1, null, false);
    }

    /** Hands out the first {@code failAt} of {@code deltas}, then throws {@code failure} from {@code next()}. */
    public static ScriptedSource failingAt(List<ChatDelta> deltas, int failAt, RuntimeException failure) {
        return new ScriptedSource(deltas, null, failAt, failure, false);
    }

    /** Hands out all {@code deltas}, then throws {@code failure} from {@code finish()}. */
    public static ScriptedSource failingInFinish(List<ChatDelta> deltas, RuntimeException failure) {
        return new ScriptedSource(deltas, null, -1, failure, true);
    }

    @Override
    public ChatDelta next() {
        nextCalls.incrementAndGet();
        if (position == failAt) {
            throw failure;
        }
        return position < deltas.size() ? deltas.get(position++) : null;
    }

    @Override
    public ChatResponse finish() {
        finishCalls.incrementAndGet();
        if (failInFinish) {
            throw failure;
        }
        return response;
    }

    @Override
    public void close() {
        closeCalls.incrementAndGet();
    }

    public int nextCalls() {
        return nextCalls.get();
    }

    public int finishCalls() {
        return finishCalls.get();
    }

    public int closeCalls() {
        return closeCalls.get();
    }
}
