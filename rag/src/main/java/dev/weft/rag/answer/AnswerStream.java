package dev.weft.rag.answer;

import dev.weft.core.chat.ChatStream;
import java.util.List;

/**
 * An answer being streamed: a {@link ChatStream} of the model's deltas, as they arrive, that also gives the final
 * {@link Answer} with its citations once the model is done. The deltas are the model's raw text, so they may
 * carry citation markers that {@link Answer#text()} later drops as invalid.
 *
 * <pre>{@code
 * try (AnswerStream stream = engine.stream("How do I reset my password?")) {
 *     stream.context().forEach(c -> showSource(c.number(), c.citation()));   // known before the first delta
 *     for (ChatDelta delta : stream) {
 *         if (delta instanceof ChatDelta.Text t) out.print(t.text());
 *     }
 *     Answer answer = stream.answer();
 * }
 * }</pre>
 *
 * <p>When no model is called (extractive answers, or nothing was retrieved) the stream replays the finished
 * answer's text as one delta, and {@link #response()} is a stand-in response from the model {@code weft/answer-engine}
 * with zero usage; {@link Answer#modelResponse()} stays empty.
 *
 * <p>Like every {@code ChatStream}, read by one thread at a time; {@link #close()} may be called from any thread.
 */
public interface AnswerStream extends ChatStream {

    /** The chunks given to the answerer, numbered from 1; known as soon as the stream is returned. */
    List<ContextChunk> context();

    /**
     * The final answer. Reads whatever deltas are left first, so it may be called without iterating; later calls
     * return the same answer.
     *
     * @throws dev.weft.core.WeftException the stream's failure, or if it was closed before it ended
     */
    Answer answer();
}
