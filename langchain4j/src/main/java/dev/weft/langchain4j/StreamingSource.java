package dev.weft.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ModelInfo;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulls a LangChain4j streaming answer: LangChain4j pushes partial responses into a {@link StreamingChatResponseHandler}
 * (this), which hands them over through a {@link HandoffBuffer} to the reader of the Weft {@link ChatStream}.
 *
 * <p>The call starts on the first {@link #next()}, on a virtual thread, so a provider that delivers its callbacks
 * on the calling thread cannot deadlock against the bounded buffer. {@link #close()} releases a callback blocked on
 * the full buffer, drops everything that arrives later, and cancels the provider's stream through the
 * {@link StreamingHandle} LangChain4j passes with its partial responses (at once if one has arrived, otherwise with
 * the next callback), which stops the provider reading the response.
 */
final class StreamingSource implements ChatStream.Source, StreamingChatResponseHandler {

    private sealed interface Event {}

    private record Delta(ChatDelta delta) implements Event {}

    private record Completed(dev.langchain4j.model.chat.response.ChatResponse response, long atNanos) implements Event {}

    private record Failed(Throwable error) implements Event {}

    private final StreamingChatModel model;
    private final dev.langchain4j.model.chat.request.ChatRequest request;
    private final ModelInfo info;
    private final String what;
    private final HandoffBuffer<Event> buffer;
    /** Tool-call indexes whose first chunk went out; LangChain4j's callbacks may come from different pool threads. */
    private final Set<Integer> toolCallsStarted = ConcurrentHashMap.newKeySet();
    private volatile StreamingHandle handle;
    private volatile boolean closed;
    private volatile boolean ended;
    private volatile long firstDeltaNanos = -1;
    private boolean started;
    private long startNanos;
    private ChatResponse response;

    StreamingSource(StreamingChatModel model, dev.langchain4j.model.chat.request.ChatRequest request, ModelInfo info,
            String what, int bufferCapacity) {
        this.model = model;
        this.request = request;
        this.info = info;
        this.what = what;
        this.buffer = new HandoffBuffer<>(bufferCapacity);
    }

    // ---- the reader's side ----

    @Override
    public ChatDelta next() {
        if (!started) {
            start();
        }
        Event event;
        try {
            event = buffer.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeftException("interrupted while waiting for the next delta from " + what, e);
        }
        return switch (event) {
            case null -> throw new WeftException("the stream from " + what + " was closed before it ended");
            case Delta d -> d.delta();
            case Completed c -> {
                ended = true;
                long total = c.atNanos() - startNanos;
                long first = firstDeltaNanos < 0 ? total : Math.min(firstDeltaNanos - startNanos, total);
                response = ResponseTranslation.translate(c.response(), info,
                        new Timings(Duration.ofNanos(Math.max(0, first)), Duration.ofNanos(Math.max(0, total))));
                yield null;
            }
            case Failed f -> {
                ended = true;
                throw ErrorTranslation.translate(f.error(), what);
            }
        };
    }

    @Override
    public ChatResponse finish() {
        return response;
    }

    @Override
    public void close() {
        closed = true;
        buffer.close();
        StreamingHandle h = handle;
        if (h != null && !ended) {
            h.cancel();
        }
    }

    private void start() {
        started = true;
        startNanos = System.nanoTime();
        Thread.ofVirtual().name("weft-langchain4j-stream").start(() -> {
            try {
                model.chat(request, this);
            } catch (Throwable t) { // anything the call throws before it streams must reach the reader, or it waits forever
                buffer.putLast(new Failed(t));
            }
        });
    }

    // ---- LangChain4j's side ----

    @Override
    public void onPartialResponse(String text) {
        text(text);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        capture(context.streamingHandle());
        text(partial.text());
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        capture(context.streamingHandle()); // Weft's deltas carry no reasoning; it stays in the provider's response
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial) {
        toolCall(partial.index(), partial.id(), partial.name(), partial.partialArguments());
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
        capture(context.streamingHandle());
        toolCall(partial.index(), partial.id(), partial.name(), partial.partialArguments());
    }

    /** Providers that stream no argument fragments (Bedrock, Gemini, Ollama…) report only whole calls. */
    @Override
    public void onCompleteToolCall(CompleteToolCall complete) {
        if (!toolCallsStarted.contains(complete.index())) {
            var call = complete.toolExecutionRequest();
            toolCall(complete.index(), call.id(), call.name(), call.arguments());
        }
    }

    @Override
    public void onCompleteResponse(dev.langchain4j.model.chat.response.ChatResponse complete) {
        buffer.putLast(new Completed(complete, System.nanoTime()));
    }

    @Override
    public void onError(Throwable error) {
        buffer.putLast(new Failed(error));
    }

    private void text(String text) {
        if (!closed && text != null && !text.isEmpty()) {
            emit(new ChatDelta.Text(text));
        }
    }

    private void toolCall(int index, String id, String name, String arguments) {
        if (closed) {
            return;
        }
        boolean first = toolCallsStarted.add(index);
        emit(new ChatDelta.ToolCallChunk(index, first ? id : null, first ? name : null, arguments));
    }

    private void emit(ChatDelta delta) {
        if (firstDeltaNanos < 0) {
            firstDeltaNanos = System.nanoTime();
        }
        try {
            buffer.put(new Delta(delta));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the provider's thread is being stopped: end the stream, do not hang its reader
            buffer.putLast(new Failed(new WeftException("the thread delivering " + what + "'s stream was interrupted", e)));
        }
    }

    private void capture(StreamingHandle h) {
        if (h == null) {
            return;
        }
        if (handle == null) {
            handle = h;
        }
        if (closed && !h.isCancelled()) {
            h.cancel();
        }
    }
}
