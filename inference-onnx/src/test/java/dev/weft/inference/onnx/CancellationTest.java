package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxValue;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Sampling;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a stream stops its decode loop (no further session runs) and frees its attention cache and buffers,
 * whether it is closed between reads, from another thread, before it is read, or by closing the model. The native
 * values are checked with ONNX Runtime's own {@link OnnxValue#isClosed()}.
 */
class CancellationTest {
    private static final ChatRequest LONG_ANSWER = ChatRequest.builder().user("The p53 protein")
            .sampling(Sampling.builder().maxTokens(900).build()).build();
    private OnnxChatModel model;

    @BeforeEach
    void load() {
        model = LanguageModels.builder(LanguageModels.microLmDirectory()).build();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void closingMidStreamStopsTheLoopAndFreesItsTensors() {
        ChatStream stream = model.stream(LONG_ANSWER);
        Iterator<ChatDelta> deltas = stream.iterator();
        for (int i = 0; i < 3; i++) {
            deltas.next();
        }
        List<OnnxValue> held = model.engine().heldValues();
        assertThat(held).as("cache (one empty past, the last step's presents) and pinned logits").isNotEmpty();
        assertThat(held).noneMatch(OnnxValue::isClosed);
        long steps = model.engine().stepsRun();

        stream.close();

        assertThat(held).allMatch(OnnxValue::isClosed);
        assertThat(model.engine().liveGenerations()).isZero();
        assertThatThrownBy(deltas::hasNext).isInstanceOf(WeftException.class).hasMessageContaining("closed");
        assertThatThrownBy(stream::response).isInstanceOf(WeftException.class);
        assertThat(model.engine().stepsRun()).as("no step after close").isEqualTo(steps);
    }

    @Test
    void closingFromAnotherThreadWhileTheReaderIsGeneratingStopsIt() throws Exception {
        ChatStream stream = model.stream(LONG_ANSWER);
        CountDownLatch firstDelta = new CountDownLatch(1);
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            Future<Integer> read = reader.submit(() -> {
                int count = 0;
                try {
                    for (ChatDelta ignored : stream) {
                        count++;
                        firstDelta.countDown();
                    }
                    return count; // the whole answer came before the close
                } catch (WeftException e) {
                    assertThat(e).hasMessageContaining("closed");
                    return -count;
                }
            });
            firstDelta.await();
            stream.close();
            read.get();
        }
        long steps = model.engine().stepsRun();
        assertThat(model.engine().liveGenerations()).isZero();
        assertThat(model.engine().heldValues()).isEmpty();
        assertThat(model.engine().stepsRun()).isEqualTo(steps);
    }

    @Test
    void aStreamClosedBeforeItIsReadNeverRuns() {
        long steps = model.engine().stepsRun();
        model.stream(LONG_ANSWER).close();
        assertThat(model.engine().stepsRun()).isEqualTo(steps);
        assertThat(model.engine().liveGenerations()).isZero();
    }

    @Test
    void aStreamReadToItsEndFreesEverything() {
        try (ChatStream stream = model.stream(ChatRequest.builder().user("The protein")
                .sampling(Sampling.builder().maxTokens(12).build()).build())) {
            assertThat(stream.response().usage().outputTokens()).isEqualTo(12);
            assertThat(model.engine().heldValues()).isEmpty();
        }
        assertThat(model.engine().liveGenerations()).isZero();
    }

    @Test
    void closingTheModelStopsOpenStreamsAndFreesTheirTensors() {
        ChatStream stream = model.stream(LONG_ANSWER);
        Iterator<ChatDelta> deltas = stream.iterator();
        deltas.next();
        List<OnnxValue> held = model.engine().heldValues();
        assertThat(held).isNotEmpty();

        model.close();

        assertThat(held).allMatch(OnnxValue::isClosed);
        assertThatThrownBy(deltas::hasNext).isInstanceOf(ResourceClosedException.class).hasMessageContaining("closed");
        stream.close();
    }
}
