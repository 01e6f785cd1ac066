package dev.weft.samples;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test double of an OpenAI-compatible chat server: a real HTTP server on 127.0.0.1 (an ephemeral port) that
 * answers {@code POST /v1/chat/completions} the way the OpenAI API does, with a chat completion (or an error body
 * and status) that the test computes from the request it received. Every request is recorded. It does not stream:
 * a request with {@code "stream": true} is answered with HTTP 400, so that a command that starts streaming fails
 * here loudly rather than passing by accident. Thread-safe.
 *
 * <pre>{@code
 * try (ChatCompletionsServer server = ChatCompletionsServer.start(
 *         request -> Reply.completion("gpt-4o-mini", "It runs on the CPU [1]."))) {
 *     // run something configured with "openai:gpt-4o-mini?baseUrl=" + server.baseUrl()
 *     String prompt = server.requests().getFirst().message("user");
 * }
 * }</pre>
 */
final class ChatCompletionsServer implements AutoCloseable {

    /** A request as the server received it. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return WeftJson.mapper().readTree(body);
        }

        /** The first value of header {@code name} (case-insensitive), or null. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        /** The content of the first message with {@code role}, or null. */
        String message(String role) {
            for (JsonNode m : json().path("messages")) {
                if (role.equals(m.path("role").asString())) {
                    return m.path("content").asString();
                }
            }
            return null;
        }

        boolean streaming() {
            return json().path("stream").asBoolean(false);
        }
    }

    /** What the server answers: an HTTP status and a JSON body. */
    record Reply(int status, String json) {
        /** A finished chat completion whose assistant message is {@code content}, as OpenAI sends it. */
        static Reply completion(String model, String content) {
            ObjectNode root = WeftJson.mapper().createObjectNode();
            root.put("id", "chatcmpl-loopback");
            root.put("object", "chat.completion");
            root.put("created", 1_700_000_000L);
            root.put("model", model);
            ArrayNode choices = root.putArray("choices");
            ObjectNode choice = choices.addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", content);
            choice.put("finish_reason", "stop");
            ObjectNode usage = root.putObject("usage");
            usage.put("prompt_tokens", 250);
            usage.put("completion_tokens", 20);
            usage.put("total_tokens", 270);
            return new Reply(200, root.toString());
        }

        /** An error as OpenAI sends it: {@code {"error": {"message", "type", "code"}}} with {@code status}. */
        static Reply error(int status, String message, String type, String code) {
            ObjectNode root = WeftJson.mapper().createObjectNode();
            ObjectNode error = root.putObject("error");
            error.put("message", message);
            error.put("type", type);
            error.putNull("param");
            if (code == null) {
                error.putNull("code");
            } else {
                error.put("code", code);
            }
            return new Reply(status, root.toString());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<Received, Reply> responder;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ChatCompletionsServer(Function<Received, Reply> responder) throws IOException {
        this.responder = responder;
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chat-completions-server");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A started server that answers each chat completion request with {@code responder}'s reply. */
    static ChatCompletionsServer start(Function<Received, Reply> responder) {
        try {
            return new ChatCompletionsServer(responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/v1}, the base URL to give the model reference. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every request received, in order. */
    List<Received> requests() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The responder's reply; a responder that throws is answered with HTTP 500 naming the failure. */
    private Reply answer(Received request) {
        try {
            return responder.apply(request);
        } catch (RuntimeException e) {
            return Reply.error(500, "The test's responder failed: " + e, "server_error", null);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Reply reply;
            if (!request.method().equals("POST") || !request.path().equals("/v1/chat/completions")) {
                reply = Reply.error(404, "No route " + request.method() + " " + request.path() + " on this test server",
                        "invalid_request_error", "unknown_url");
            } else if (request.streaming()) {
                reply = Reply.error(400, "This test server does not stream; answer with \"stream\": false",
                        "invalid_request_error", null);
            } else {
                reply = answer(request);
            }
            byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
