package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Timings;
import java.time.Duration;
import java.util.List;

/**
 * A streamed answer: each {@link #next()} runs decode steps until the answer has new text (whole characters, no
 * part of a stop sequence) and returns it. The generation starts at the first {@link #next()}; {@link #close()},
 * from any thread, stops it after the step in progress and frees its cache.
 */
final class GenerationSource implements ChatStream.Source {
    private final DecoderEngine engine;
    private final PreparedPrompt prompt;
    private volatile Generation generation;
    private volatile boolean closed;

    GenerationSource(DecoderEngine engine, PreparedPrompt prompt) {
        this.engine = engine;
        this.prompt = prompt;
    }

    @Override
    public ChatDelta next() {
        Generation g = generation;
        if (g == null) {
            g = engine.begin(List.of(prompt));
            generation = g;
            if (closed) { // closed while starting: close() may have missed it
                g.close();
                throw new WeftException("the stream was closed before it started");
            }
        }
        Sequence s = g.row(0);
        while (true) {
            String text = s.drainText();
            if (!text.isEmpty()) {
                return new ChatDelta.Text(text);
            }
            if (s.finished() || closed) {
                return null;
            }
            engine.step(g);
        }
    }

    @Override
    public ChatResponse finish() {
        Sequence s = generation.row(0);
        long start = generation.startNanos();
        long end = s.finishedNanos();
        long first = s.firstTokenNanos();
        return engine.response(s, new Timings(Duration.ofNanos(first - start), Duration.ofNanos(end - start)));
    }

    @Override
    public void close() {
        closed = true;
        Generation g = generation;
        if (g != null) {
            g.close();
        }
    }
}
