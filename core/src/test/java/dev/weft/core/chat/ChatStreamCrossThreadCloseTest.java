package dev.weft.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.WeftException;
import dev.weft.core.testing.BlockingSource;
import dev.weft.core.testing.RecordingStreamObserver;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ChatStream#close()} from another thread while the reader blocks in the source's {@code next()}: the
 * source is closed exactly once, the reader is released with a {@link WeftException}, and so is
 * {@code response()}. The reader signals through {@link BlockingSource#awaitWaiting} that it is waiting; no
 * sleeps. The timeouts only stop a hung build.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChatStreamCrossThreadCloseTest {
    private static final ChatResponse DONE = ScriptedChatModel.answer("ab", ScriptedChatModel.named("m").info());

    /** Reads {@code stream} on a new thread; the future holds the deltas read, or the failure. */
    private static Future<List<ChatDelta>> readInBackground(ChatStream stream) {
        CompletableFuture<List<ChatDelta>> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<ChatDelta> seen = new ArrayList<>();
            try {
                for (ChatDelta d : stream) {
                    seen.add(d);
                }
                result.complete(seen);
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "stream-reader");
        reader.start();
        return result;
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void closeReleasesAReaderBlockedInNext() throws Exception {
        BlockingSource source = new BlockingSource(DONE, false);
        ChatStream stream = ChatStream.from(source);
        source.push(new ChatDelta.Text("a"));
        Future<List<ChatDelta>> reading = readInBackground(stream);

        source.awaitWaiting(2); // the reader took "a" and waits for the next delta
        stream.close();

        Throwable failure = failureOf(reading);
        assertThat(failure).isInstanceOf(WeftException.class).hasMessageContaining("closed before it ended");
        assertThat(source.closeCalls()).isEqualTo(1);
        assertThat(source.finishCalls()).isZero();
        assertThat(catchResponse(stream)).isInstanceOf(WeftException.class).hasMessageContaining("closed before it ended");
        stream.close();
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void aSourceThatEndsWhenCancelledStillDoesNotLookComplete() throws Exception {
        BlockingSource source = new BlockingSource(DONE, true);
        ChatStream stream = ChatStream.from(source);
        Future<List<ChatDelta>> reading = readInBackground(stream);

        source.awaitWaiting(1);
        stream.close();
        failureOf(reading);

        assertThat(catchResponse(stream))
                .as("a stream cancelled mid-way must not report the source's response as complete")
                .isInstanceOf(WeftException.class)
                .hasMessageContaining("closed before it ended");
        assertThat(source.closeCalls()).isEqualTo(1);
    }

    @Test
    void observedStreamClosedWhileBlockedReportsCancelOnly() throws Exception {
        BlockingSource source = new BlockingSource(DONE, false);
        RecordingStreamObserver observer = new RecordingStreamObserver();
        ChatStream stream = ChatStream.observe(ChatStream.from(source), observer);
        source.push(new ChatDelta.Text("a"));
        Future<List<ChatDelta>> reading = readInBackground(stream);

        source.awaitWaiting(2);
        stream.close();

        assertThat(failureOf(reading)).isInstanceOf(WeftException.class);
        assertThat(source.closeCalls()).isEqualTo(1);
        assertThat(observer.events())
                .as("exactly one of complete/error, or cancel instead when closed before the end")
                .containsExactly("first", "delta:a", "cancel");
    }

    private static Throwable catchResponse(ChatStream stream) {
        try {
            stream.response();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
