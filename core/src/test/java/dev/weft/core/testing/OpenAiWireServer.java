package dev.weft.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A test double of the remote OpenAI API: a real HTTP server on 127.0.0.1 (an ephemeral port) that answers
 * {@code POST /v1/chat/completions} and {@code POST /v1/embeddings} with whatever the test scripts, byte for byte
 * ({@link WireReply}; the payloads come from {@link OpenAiWire}), including faults: error statuses with or without
 * {@code Retry-After}, a stall before the first byte, a connection dropped mid-stream, malformed bodies. Replies
 * queued with {@link #enqueue} are used first, in order; then {@link #respondWith}'s function answers. Every
 * request is recorded. Thread-safe.
 */
public final class OpenAiWireServer implements AutoCloseable {
    /** A request as the server received it. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        /** The body parsed as JSON. */
        public JsonNode json() {
            return WeftJson.mapper().readTree(body);
        }

        /** The first value of header {@code name} (case-insensitive), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** Whether the request asked for a stream. */
        public boolean streaming() {
            JsonNode s = json().get("stream");
            return s != null && s.asBoolean();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<WireReply> queue = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile Function<Recorded, WireReply> responder =
            r -> WireReply.json(404, OpenAiWire.error("No reply scripted for " + r.path(), "invalid_request_error", null));

    private OpenAiWireServer() throws IOException {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openai-wire-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /** A started server. */
    public static OpenAiWireServer start() {
        try {
            return new OpenAiWireServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/v1}, the base URL to configure a model with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * A well-formed answer to {@code request}: a one-word completion, streamed with usage when the request asked
     * for a stream, or an embedding of dimension 3 per input for {@code /embeddings}.
     */
    public static WireReply ok(Recorded request) {
        if (request.path().endsWith("/embeddings")) {
            int n = request.json().get("input").size();
            java.util.List<float[]> vectors = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                vectors.add(new float[] {i, 0.5f, -1f});
            }
            return WireReply.json(OpenAiWire.embeddings(vectors, "text-embedding-3-small", 2 * n));
        }
        if (request.streaming()) {
            return WireReply.sse(OpenAiWire.stream().role().text("o", "k").finish("stop").usage(9, 2).done().sse());
        }
        return WireReply.json(OpenAiWire.completion().content("ok").usage(9, 2).json());
    }

    /** Queues {@code reply} for a coming request. */
    public OpenAiWireServer enqueue(WireReply reply) {
        queue.add(reply);
        return this;
    }

    /** Answers requests with {@code responder} when nothing is queued. */
    public OpenAiWireServer respondWith(Function<Recorded, WireReply> responder) {
        this.responder = responder;
        return this;
    }

    /** Every request received, in order of arrival. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The last request received. */
    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public int requestCount() {
        return requests.size();
    }

    /** Requests whose handling has not finished (stalled ones included). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Connections dropped on purpose ({@link WireReply.Ending#DROP}). */
    public int dropped() {
        return dropped.get();
    }

    /** Releases stalled replies, stops the server and its threads. */
    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            WireReply reply = queue.poll();
            if (reply == null) {
                reply = responder.apply(request);
            }
            send(exchange, reply);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void send(HttpExchange exchange, WireReply reply) throws IOException {
        if (reply.stallBeforeHeaders()) {
            stall();
            exchange.close();
            return;
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("x-request-id", "req_" + Integer.toHexString(requests.size()));
        byte[] all = reply.joined();
        exchange.sendResponseHeaders(reply.status(), reply.chunked() ? 0 : (all.length == 0 ? -1 : all.length));
        OutputStream out = exchange.getResponseBody();
        try {
            for (byte[] piece : reply.pieces()) {
                out.write(piece);
                out.flush();
            }
        } catch (IOException e) {
            exchange.close(); // the client went away: the case under test when a stream is closed early
            return;
        }
        switch (reply.ending()) {
            case COMPLETE -> exchange.close();
            case DROP -> {
                dropped.incrementAndGet();
                // Thrown out of the handler, this makes the server close the socket without ending the chunked body.
                throw new IOException("connection dropped on purpose by the test double");
            }
            case STALL -> {
                stall();
                exchange.close();
            }
        }
    }

    private void stall() {
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
