package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.WeftException;
import dev.weft.core.testing.RecordingStreamObserver;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ChatStream#observe}: the observer hears of the first delta once, of every delta, and of the end exactly
 * once, as a completion, an error, or a cancellation; the observed stream itself is unchanged.
 */
class ChatStreamObserveTest {
    private static final ChatResponse DONE = ScriptedChatModel.answer("abc", ScriptedChatModel.named("m").info());
    private static final List<ChatDelta> DELTAS =
            List.of(new ChatDelta.Text("a"), new ChatDelta.ToolCallChunk(0, "c1", "t", ""), new ChatDelta.Text("c"));

    @Test
    void completionIsReportedOnceAfterEveryDelta() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        try (ChatStream stream = ChatStream.observe(ChatStream.from(source), observer)) {
            assertThat(stream.forEachDelta(d -> {})).isSameAs(DONE);
            assertThat(stream.response()).isSameAs(DONE);
        }
        assertThat(observer.events()).containsExactly("first", "delta:a", "delta:tool0", "delta:c", "complete:abc");
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void responseWithoutIterationIsObservedToo() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ChatStream stream = ChatStream.observe(ChatStream.from(new ScriptedSource(DELTAS, DONE)), observer);
        assertThat(stream.response()).isSameAs(DONE);
        stream.close();
        assertThat(observer.count("first")).isEqualTo(1);
        assertThat(observer.count("delta:")).isEqualTo(3);
        assertThat(observer.count("complete")).isEqualTo(1);
        assertThat(observer.count("cancel")).isZero();
    }

    @Test
    void anEmptyStreamCompletesWithoutAFirstDelta() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ChatStream.observe(ChatStream.from(new ScriptedSource(List.of(), DONE)), observer).response();
        assertThat(observer.events()).containsExactly("complete:abc");
    }

    @Test
    void aFailureMidStreamIsReportedOnce() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ScriptedSource source = ScriptedSource.failingAt(DELTAS, 1, new WeftException("broken"));
        ChatStream stream = ChatStream.observe(ChatStream.from(source), observer);
        Iterator<ChatDelta> it = stream.iterator();
        it.next();
        assertThatThrownBy(it::hasNext).isInstanceOf(WeftException.class).hasMessage("broken");
        assertThatThrownBy(stream::response).hasMessage("broken");
        stream.close();
        assertThat(observer.events()).containsExactly("first", "delta:a", "error:WeftException");
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void aFailureInTheResponseIsReportedOnce() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ChatStream stream = ChatStream.observe(
                ChatStream.from(ScriptedSource.failingInFinish(DELTAS, new WeftException("no usage"))), observer);
        assertThatThrownBy(stream::response).hasMessage("no usage");
        assertThatThrownBy(stream::response).hasMessage("no usage");
        stream.close();
        assertThat(observer.count("error")).isEqualTo(1);
        assertThat(observer.count("complete")).isZero();
        assertThat(observer.count("cancel")).isZero();
    }

    @Test
    void closingBeforeTheEndIsReportedAsOneCancel() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream stream = ChatStream.observe(ChatStream.from(source), observer);
        stream.iterator().next();
        stream.close();
        stream.close();
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class);
        assertThat(observer.events()).containsExactly("first", "delta:a", "cancel");
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void closingUnreadIsACancelWithoutDeltas() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ScriptedSource source = new ScriptedSource(DELTAS, DONE);
        ChatStream.observe(ChatStream.from(source), observer).close();
        assertThat(observer.events()).containsExactly("cancel");
        assertThat(source.nextCalls()).isZero();
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void closingAfterTheEndIsNotACancel() {
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ChatStream stream = ChatStream.observe(ChatStream.from(new ScriptedSource(DELTAS, DONE)), observer);
        stream.response();
        stream.close();
        assertThat(observer.count("cancel")).isZero();
        assertThat(observer.count("complete")).isEqualTo(1);
    }
}
