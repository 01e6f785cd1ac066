package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.RateLimitedException;
import dev.weft.core.WeftException;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link ChatStream#from(ChatStream.Source)}: iteration, the final response, failures and closing, on one thread. */
class ChatStreamFromSourceTest {
    private static final ChatResponse DONE = ScriptedChatModel.answer("abc", ScriptedChatModel.named("m").info());
    private static final List<ChatDelta> DELTAS = List.of(
            new ChatDelta.Text("a"), new ChatDelta.Text("b"), new ChatDelta.ToolCallChunk(0, "c1", "t", "{"),
            new ChatDelta.Text("c"));

    private static List<ChatDelta> drain(Iterable<ChatDelta> stream) {
        List<ChatDelta> out = new ArrayList<>();
        stream.forEach(out::add);
        return out;
    }

    @Test
    void deltasArriveInOrderThenTheResponse() {
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        try (ChatStream stream = ChatStream.from(source)) {
            assertThat(drain(stream)).containsExactlyElementsOf(DELTAS);
            assertThat(stream.response()).isSameAs(DONE);
            assertThat(stream.response()).as("asking again").isSameAs(DONE);
        }
        assertThat(source.finishCalls()).isEqualTo(1);
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void responseWithoutIteratingDrainsTheSource() {
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream stream = ChatStream.from(source);
        assertThat(stream.response()).isSameAs(DONE);
        assertThat(source.nextCalls()).isEqualTo(DELTAS.size() + 1);
        assertThat(source.closeCalls()).as("released at the end, before close()").isEqualTo(1);
        stream.close();
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void responseAfterPartialIterationReadsTheRest() {
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream stream = ChatStream.from(source);
        Iterator<ChatDelta> it = stream.iterator();
        assertThat(it.next()).isEqualTo(DELTAS.get(0));
        assertThat(it.hasNext()).isTrue();
        assertThat(stream.response()).isSameAs(DONE);
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void forEachDeltaPassesEveryDeltaThenReturnsTheResponse() {
        List<ChatDelta> seen = new ArrayList<>();
        assertThat(ChatStream.from(new ScriptedSource(DELTAS, DONE)).forEachDelta(seen::add)).isSameAs(DONE);
        assertThat(seen).containsExactlyElementsOf(DELTAS);
    }

    @Test
    void hasNextIsIdempotentAndNextPastTheEndThrows() {
        ScriptedSource source = new ScriptedSource(List.of(new ChatDelta.Text("x")), DONE);
        Iterator<ChatDelta> it = ChatStream.from(source).iterator();
        assertThat(it.hasNext()).isTrue();
        assertThat(it.hasNext()).isTrue();
        assertThat(source.nextCalls()).isEqualTo(1);
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void iteratorTwiceIsRefused() {
        ChatStream stream = ChatStream.from(new ScriptedSource(DELTAS, DONE));
        stream.iterator();
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
    }

    @Test
    void aSourceFailureSurfacesFromTheIteratorAndAgainFromResponse() {
        RateLimitedException failure = new RateLimitedException("429", Duration.ofSeconds(1));
        ScriptedSource source = ScriptedSource.failingAt(DELTAS, 2, failure);
        ChatStream stream = ChatStream.from(source);
        Iterator<ChatDelta> it = stream.iterator();
        assertThat(it.next()).isEqualTo(DELTAS.get(0));
        assertThat(it.next()).isEqualTo(DELTAS.get(1));
        assertThatThrownBy(it::hasNext).isSameAs(failure);
        assertThatThrownBy(it::next).isSameAs(failure);
        assertThatThrownBy(stream::response).isSameAs(failure);
        assertThat(source.nextCalls()).as("the source is not read after it failed").isEqualTo(3);
        assertThat(source.finishCalls()).isZero();
        assertThat(source.closeCalls()).isEqualTo(1);
        stream.close();
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void aFailureInFinishSurfacesFromResponse() {
        WeftException failure = new WeftException("truncated");
        ScriptedSource source = ScriptedSource.failingInFinish(DELTAS, failure);
        ChatStream stream = ChatStream.from(source);
        assertThatThrownBy(stream::response).isSameAs(failure);
        assertThatThrownBy(stream::response).isSameAs(failure);
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void aSourceWithoutAResponseIsAnError() {
        ChatStream stream = ChatStream.from(new ScriptedSource(DELTAS, null));
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class).hasMessageContaining("without a response");
    }

    @Test
    void closeBeforeTheEndReleasesTheSourceOnceAndResponseFails() {
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream stream = ChatStream.from(source);
        Iterator<ChatDelta> it = stream.iterator();
        it.next();
        stream.close();
        assertThat(source.closeCalls()).isEqualTo(1);
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class).hasMessageContaining("closed before it ended");
        assertThatThrownBy(it::hasNext).isInstanceOf(WeftException.class).hasMessageContaining("closed before it ended");
        stream.close();
        assertThat(source.closeCalls()).as("closing twice is harmless").isEqualTo(1);
        assertThat(source.finishCalls()).isZero();
    }

    @Test
    void closeBeforeReadingAnything() {
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream stream = ChatStream.from(source);
        stream.close();
        stream.close();
        assertThat(source.closeCalls()).isEqualTo(1);
        assertThat(source.nextCalls()).isZero();
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class);
    }

    @Test
    void closeAfterTheEndKeepsTheResponse() {
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream stream = ChatStream.from(source);
        drain(stream);
        stream.close();
        assertThat(stream.response()).isSameAs(DONE);
        assertThat(source.closeCalls()).isEqualTo(1);
    }
}
