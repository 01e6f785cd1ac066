package dev.weft.core.openai;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.internal.Watchdog;
import dev.weft.core.model.TokenUsage;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * One streamed chat completion: sends the request when first read, then turns the server-sent events
 * ({@code data: {chunk}}, ending with {@code data: [DONE]}) into deltas. Text comes from {@code delta.content}
 * (and {@code delta.refusal}), tool calls from {@code delta.tool_calls} through {@link ToolCallAssembler}, the
 * finish reason from {@code choices[0].finish_reason}, usage from the last chunk that carries one (with
 * {@code stream_options.include_usage} OpenAI sends it in a final chunk whose {@code choices} is empty; vLLM may
 * send {@code null} there).
 *
 * <p>Deadlines: waiting for the headers and every gap between bytes are bounded by the idle timeout, the whole
 * stream by the request timeout; the shared {@link Watchdog} closes the body when one passes, and the reader then
 * gets {@link ModelTimeoutException}. {@link #close()} may come from any thread: it cancels the exchange or
 * closes the body, which unblocks the reader. A stream that ends before {@code [DONE]} is truncated
 * ({@link InvalidModelResponseException}); one whose connection breaks is {@link ModelUnavailableException}.
 */
final class ChatCompletionsStream implements ChatStream.Source {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** How long to wait, after {@code [DONE]}, for the body's end so that the connection can be reused. */
    private static final long DRAIN_NANOS = Duration.ofMillis(100).toNanos();

    private final OpenAiHttp http;
    private final URI uri;
    private final byte[] body;
    private final AnsweringModel model;
    private final Duration idle;
    private final Duration total;

    private final Object lock = new Object();
    private boolean closed; // guarded by lock
    private CompletableFuture<HttpResponse<InputStream>> pending; // guarded by lock
    private InputStream in; // guarded by lock
    private Future<?> watch; // guarded by lock
    private volatile long lastActivity;
    private volatile String expired;
    private volatile boolean done;

    private ServerSentEvents events;
    private long start;
    private long deadline;
    private long firstToken = -1;
    private int eventsRead;
    private String lastData = "";
    private final ArrayDeque<ChatDelta> queue = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private final ToolCallAssembler tools = new ToolCallAssembler();
    private TokenUsage usage;
    private String finishReason;
    private boolean refused;
    private String responseModel;
    private String responseId;
    private ChatResponse whole;

    ChatCompletionsStream(OpenAiHttp http, URI uri, byte[] body, AnsweringModel model, Duration idle, Duration total) {
        this.http = http;
        this.uri = uri;
        this.body = body;
        this.model = model;
        this.idle = idle;
        this.total = total;
    }

    @Override
    public ChatDelta next() {
        if (events == null && whole == null) {
            open();
        }
        while (true) {
            ChatDelta d = queue.poll();
            if (d != null) {
                if (firstToken < 0) {
                    firstToken = System.nanoTime();
                }
                return d;
            }
            if (done) {
                return null;
            }
            readEvent();
        }
    }

    private void open() {
        start = System.nanoTime();
        deadline = start + total.toNanos();
        boolean idleFirst = idle.compareTo(total) < 0;
        CompletableFuture<HttpResponse<InputStream>> call;
        synchronized (lock) {
            if (closed) {
                throw closedEarly();
            }
            call = http.postStreaming(uri, body, idleFirst ? idle : total);
            pending = call;
        }
        HttpResponse<InputStream> response = http.await(call, (idleFirst ? idle : total).toNanos(), idleFirst ? idle : total,
                idleFirst ? "streamIdleTimeout" : "requestTimeout");
        InputStream stream = new ActivityStream(response.body());
        synchronized (lock) {
            if (closed) {
                closeQuietly(stream);
                throw closedEarly();
            }
            in = stream;
            lastActivity = System.nanoTime();
            watch = Watchdog.scheduleNanos(Math.min(idle.toNanos(), deadline - lastActivity), this::checkDeadlines);
        }
        if (response.statusCode() / 100 != 2) {
            String error = new String(read(stream, MAX_ERROR_BODY), StandardCharsets.UTF_8);
            throw HttpFailures.fromStatus(response.statusCode(), response.headers(), error, http.where());
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            replayWhole(stream);
            return;
        }
        events = new ServerSentEvents(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
    }

    /** A server that ignored {@code stream: true} and answered in one piece: replay that answer. */
    private void replayWhole(InputStream stream) {
        byte[] bytes = read(stream, Integer.MAX_VALUE);
        whole = ChatCompletionsResponse.decode(bytes, model, Duration.ofNanos(System.nanoTime() - start), http.where());
        if (!whole.text().isEmpty()) {
            queue.add(new ChatDelta.Text(whole.text()));
        }
        int i = 0;
        for (ToolCall c : whole.message().toolCalls()) {
            queue.add(new ChatDelta.ToolCallChunk(i++, c.id(), c.name(), c.arguments()));
        }
        done = true;
    }

    private byte[] read(InputStream stream, int limit) {
        try {
            return stream.readNBytes(limit);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void readEvent() {
        ServerSentEvents.Event event;
        try {
            event = events.next();
        } catch (IOException e) {
            throw failure(e);
        }
        if (event == null) {
            throw endedEarly();
        }
        eventsRead++;
        String data = event.data();
        lastData = data;
        if (data.equals("[DONE]")) {
            done = true;
            drain();
            return;
        }
        JsonNode chunk = WireValues.parse(data, "Event " + eventsRead + " of the stream from " + http.where());
        if (!chunk.isObject()) {
            throw new InvalidModelResponseException("Event " + eventsRead + " of the stream from " + http.where()
                    + " is not a JSON object", data);
        }
        JsonNode error = chunk.get("error");
        if ("error".equals(event.type()) || (error != null && !error.isNull())) {
            throw HttpFailures.fromError(0, ErrorBody.from(chunk, data), null, http.where());
        }
        try {
            chunk(chunk, data);
        } catch (InvalidModelResponseException e) {
            throw new InvalidModelResponseException("Event " + eventsRead + " of the stream from " + http.where()
                    + " is malformed: " + WireValues.reason(e), data, e);
        }
    }

    private void chunk(JsonNode chunk, String data) {
        TokenUsage u = WireValues.usage(chunk.get("usage"), data);
        if (u != null) {
            usage = u;
        }
        String m = WireValues.string(chunk, "model", data);
        if (m != null) {
            responseModel = m;
        }
        if (responseId == null) {
            responseId = WireValues.string(chunk, "id", data);
        }
        JsonNode choices = chunk.get("choices");
        if (choices == null || choices.isNull()) {
            return;
        }
        if (!choices.isArray()) {
            throw new InvalidModelResponseException("'choices' is not an array", data);
        }
        for (JsonNode choice : choices) {
            JsonNode index = choice.get("index");
            if (index != null && index.isIntegralNumber() && index.asInt() != 0) {
                continue; // only the first choice is read; Weft never asks for n > 1
            }
            JsonNode delta = choice.get("delta");
            if (delta != null && delta.isObject()) {
                String content = WireValues.content(delta.get("content"), data);
                if (!content.isEmpty()) {
                    text.append(content);
                    queue.add(new ChatDelta.Text(content));
                }
                String refusal = WireValues.string(delta, "refusal", data);
                if (refusal != null && !refusal.isEmpty()) {
                    refused = true;
                    text.append(refusal);
                    queue.add(new ChatDelta.Text(refusal));
                }
                JsonNode calls = delta.get("tool_calls");
                if (calls != null && !calls.isNull()) {
                    if (!calls.isArray()) {
                        throw new InvalidModelResponseException("'tool_calls' is not an array", data);
                    }
                    for (JsonNode call : calls) {
                        ChatDelta.ToolCallChunk d = tools.accept(call, data);
                        if (d != null) {
                            queue.add(d);
                        }
                    }
                }
            }
            String reason = WireValues.string(choice, "finish_reason", data);
            if (reason != null) {
                finishReason = reason;
            }
        }
    }

    /** After {@code [DONE]}: read the body's end so that the connection goes back to the pool, for a short while. */
    private void drain() {
        synchronized (lock) {
            if (watch != null) {
                watch.cancel(false);
            }
            if (closed) {
                return;
            }
            watch = Watchdog.scheduleNanos(DRAIN_NANOS, this::closeInput);
        }
        try {
            for (int i = 0; i < 16 && events.next() != null; i++) {
                // Whatever follows [DONE] is not part of the answer.
            }
        } catch (IOException e) {
            // The answer is complete; a connection that ends badly afterwards is not reused, nothing more.
        }
    }

    @Override
    public ChatResponse finish() {
        long end = System.nanoTime();
        if (whole != null) {
            return whole;
        }
        List<ToolCall> calls;
        try {
            calls = tools.complete();
        } catch (InvalidModelResponseException e) {
            throw new InvalidModelResponseException("The stream from " + http.where() + " is malformed: " + WireValues.reason(e),
                    e.payloadExcerpt(), e);
        }
        FinishReason reason = refused ? FinishReason.CONTENT_FILTER : WireValues.finishReason(finishReason);
        long first = firstToken < 0 ? end : firstToken;
        return new ChatResponse(new AssistantMessage(text.toString(), calls), usage == null ? TokenUsage.ZERO : usage, reason,
                model.reportedAs(responseModel), new Timings(Duration.ofNanos(first - start), Duration.ofNanos(end - start)),
                responseId, null);
    }

    @Override
    public void close() {
        CompletableFuture<?> p;
        InputStream i;
        Future<?> w;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            p = pending;
            i = in;
            w = watch;
        }
        if (w != null) {
            w.cancel(false);
        }
        if (i != null) {
            closeQuietly(i);
        } else if (p != null) {
            p.cancel(true);
        }
    }

    /** Runs on the watchdog: closes the body if a deadline has passed, or checks again when the next one falls due. */
    private void checkDeadlines() {
        long now = System.nanoTime();
        long idleLeft = lastActivity + idle.toNanos() - now;
        long totalLeft = deadline - now;
        if (totalLeft <= 0 || idleLeft <= 0) {
            expired = totalLeft <= 0 ? "total" : "idle";
            closeInput();
            return;
        }
        synchronized (lock) {
            if (!closed && !done) {
                watch = Watchdog.scheduleNanos(Math.min(idleLeft, totalLeft), this::checkDeadlines);
            }
        }
    }

    private void closeInput() {
        InputStream i;
        synchronized (lock) {
            i = in;
        }
        if (i != null) {
            closeQuietly(i);
        }
    }

    private WeftException failure(IOException e) {
        WeftException timeout = timedOut();
        if (timeout != null) {
            return timeout;
        }
        if (isClosed()) {
            return closedEarly();
        }
        return new ModelUnavailableException("The connection to " + http.where() + " broke after " + eventsRead
                + " events of a streamed answer: " + e, e);
    }

    private WeftException endedEarly() {
        WeftException timeout = timedOut();
        if (timeout != null) {
            return timeout;
        }
        if (isClosed()) {
            return closedEarly();
        }
        String cut = events.partial().isEmpty() ? lastData : events.partial();
        return new InvalidModelResponseException("The stream from " + http.where() + " ended after " + eventsRead
                + " events without 'data: [DONE]'; the answer is truncated", cut);
    }

    private WeftException timedOut() {
        String why = expired;
        if (why == null) {
            return null;
        }
        if (why.equals("total")) {
            return new ModelTimeoutException("The streamed answer from " + http.where() + " did not finish within " + total
                    + " (requestTimeout)", total);
        }
        return new ModelTimeoutException("No data from " + http.where() + " for " + idle + " after " + eventsRead
                + " events (streamIdleTimeout); raise it for models that think long before answering", idle);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private static WeftException closedEarly() {
        return new WeftException("the stream was closed before it ended");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing only frees the connection; nothing to report.
        }
    }

    /** Notes the time of every read that brought bytes, for the idle deadline. */
    private final class ActivityStream extends FilterInputStream {
        ActivityStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                lastActivity = System.nanoTime();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                lastActivity = System.nanoTime();
            }
            return n;
        }
    }
}
