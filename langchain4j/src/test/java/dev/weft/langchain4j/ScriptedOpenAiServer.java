package dev.weft.langchain4j;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test double of OpenAI's HTTP API (chat completions and embeddings) on a loopback port, answering from a
 * script: each request takes the next scripted {@link Reply} — a JSON body with a status, or a server-sent event
 * stream written the way the real API writes it ({@code data: <json>\n\n} per chunk, then {@code data: [DONE]\n\n}).
 * It records every request body it receives. Only loopback traffic; close it to stop it.
 */
final class ScriptedOpenAiServer implements AutoCloseable {
    private static final String MODEL = "gpt-4o-mini-2024-07-18";

    /** What to answer to one request. */
    sealed interface Reply {}

    /** A JSON body with an HTTP status. */
    record Json(int status, String body) implements Reply {}

    /** An SSE stream of these chunks (JSON texts), then {@code [DONE]}. */
    record Sse(List<String> chunks) implements Reply {}

    /**
     * An endless SSE stream of the same text chunk, written until the client goes away or {@code maxChunks} are
     * out; {@link #written()} counts the chunks written, {@link #ended()} opens when the handler is done.
     */
    static final class Endless implements Reply {
        final String chunk;
        final int maxChunks;
        final AtomicInteger written = new AtomicInteger();
        final AtomicReference<IOException> failure = new AtomicReference<>();
        final CountDownLatch ended = new CountDownLatch(1);

        Endless(String chunk, int maxChunks) {
            this.chunk = chunk;
            this.maxChunks = maxChunks;
        }

        int written() {
            return written.get();
        }

        /** Waits until the server stopped writing; true if it did within the (generous) deadline. */
        boolean awaitEnd() throws InterruptedException {
            return ended.await(30, TimeUnit.SECONDS);
        }

        IOException failure() {
            return failure.get();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-openai-server");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private ScriptedOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    static ScriptedOpenAiServer start() throws IOException {
        return new ScriptedOpenAiServer();
    }

    /** The base URL to give an OpenAI client: {@code http://127.0.0.1:<port>/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ScriptedOpenAiServer enqueue(Reply reply) {
        script.add(reply);
        return this;
    }

    /** The bodies of the requests received so far, oldest first. */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    JsonNode lastRequest() {
        return requests.getLast();
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            paths.add(exchange.getRequestURI().getPath());
            requests.add(WeftJson.mapper().readTree(body));
            Reply reply = script.poll();
            if (reply == null) {
                reply = new Json(500, error("the scripted server has no reply left for " + exchange.getRequestURI()));
            }
            switch (reply) {
                case Json json -> {
                    byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(json.status(), bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                case Sse sse -> {
                    OutputStream out = startEventStream(exchange);
                    for (String chunk : sse.chunks()) {
                        writeEvent(out, chunk);
                    }
                    writeEvent(out, "[DONE]");
                }
                case Endless endless -> writeEndless(exchange, endless);
            }
        }
    }

    private static void writeEndless(HttpExchange exchange, Endless endless) {
        try {
            OutputStream out = startEventStream(exchange);
            while (endless.written.get() < endless.maxChunks) {
                writeEvent(out, endless.chunk);
                endless.written.incrementAndGet();
            }
        } catch (IOException e) {
            endless.failure.set(e); // the client closed the connection: what a cancelled stream looks like from here
        } finally {
            endless.ended.countDown();
        }
    }

    private static OutputStream startEventStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void writeEvent(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ---- OpenAI payloads, shaped as the real API shapes them ----

    static String error(String message) {
        ObjectNode error = object().put("message", message).put("type", "invalid_request_error");
        error.putNull("param");
        error.putNull("code");
        return object().set("error", error).toString();
    }

    static Json rateLimited() {
        return new Json(429, object().set("error", object().put("message", "Rate limit reached for gpt-4o-mini")
                .put("type", "requests").put("code", "rate_limit_exceeded")).toString());
    }

    /** A whole chat completion holding {@code message}. */
    static String completion(ObjectNode message, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode choice = object().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode root = object().put("id", "chatcmpl-scripted").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", MODEL).put("system_fingerprint", "fp_scripted");
        root.set("choices", WeftJson.mapper().createArrayNode().add(choice));
        root.set("usage", usage(promptTokens, completionTokens));
        return root.toString();
    }

    static String textCompletion(String text, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode message = object().put("role", "assistant").put("content", text);
        message.putNull("refusal");
        return completion(message, finishReason, promptTokens, completionTokens);
    }

    /** An assistant message calling tools: each call is {id, name, arguments}. */
    static ObjectNode toolCallsMessage(String[]... calls) {
        ObjectNode message = object().put("role", "assistant");
        message.putNull("content");
        message.putNull("refusal");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (String[] c : calls) {
            ObjectNode call = toolCalls.addObject().put("id", c[0]).put("type", "function");
            call.putObject("function").put("name", c[1]).put("arguments", c[2]);
        }
        return message;
    }

    static String textChunk(String text) {
        ObjectNode delta = object().put("content", text);
        return chunk(delta, null);
    }

    static String roleChunk() {
        ObjectNode delta = object().put("role", "assistant").put("content", "");
        delta.putNull("refusal");
        return chunk(delta, null);
    }

    /** A piece of tool call {@code index}: the first piece carries id and name, later ones only arguments. */
    static String toolCallChunk(int index, String id, String name, String arguments) {
        ObjectNode call = object().put("index", index);
        ObjectNode function = object().put("arguments", arguments);
        if (id != null) {
            call.put("id", id).put("type", "function");
            function.put("name", name);
        }
        call.set("function", function);
        ObjectNode delta = object();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    static String finishChunk(String finishReason) {
        return chunk(object(), finishReason);
    }

    /** The last chunk when {@code stream_options.include_usage} is set: no choices, the usage. */
    static String usageChunk(int promptTokens, int completionTokens) {
        ObjectNode root = chunkRoot();
        root.putArray("choices");
        root.set("usage", usage(promptTokens, completionTokens));
        return root.toString();
    }

    static String embeddings(List<float[]> vectors, int promptTokens) {
        ObjectNode root = object().put("object", "list").put("model", "text-embedding-3-small");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ArrayNode values = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (float f : vectors.get(i)) {
                values.add(f);
            }
        }
        root.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return root.toString();
    }

    private static String chunk(ObjectNode delta, String finishReason) {
        ObjectNode choice = object().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        ObjectNode root = chunkRoot();
        root.set("choices", WeftJson.mapper().createArrayNode().add(choice));
        root.putNull("usage");
        return root.toString();
    }

    private static ObjectNode chunkRoot() {
        return object().put("id", "chatcmpl-scripted").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", MODEL).put("system_fingerprint", "fp_scripted");
    }

    private static ObjectNode usage(int promptTokens, int completionTokens) {
        return object().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private static ObjectNode object() {
        return WeftJson.mapper().createObjectNode();
    }
}
