package dev.weft.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the OpenAI API on the loopback interface: answers every {@code POST /v1/chat/completions} at once
 * with the same pre-built bytes of a real chat-completion body, so that what a client measures against it is the
 * client's own cost. Anything else is a 404. Thread-safe; close it to stop the server.
 */
final class InstantOpenAiServer implements AutoCloseable {
    /** The assistant's answer in {@link #BODY}. */
    static final String ANSWER = "Hello! How can I assist you today?";

    private static final byte[] BODY = ("""
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,\
            "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"%s","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":8,"completion_tokens":10,"total_tokens":18,\
            "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
            "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
            "rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}\
            """.formatted(ANSWER)).getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;

    private InstantOpenAiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 at a free port, answering on {@code threads} threads. */
    static InstantOpenAiServer start(int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", InstantOpenAiServer::answer);
        server.start();
        return new InstantOpenAiServer(server, executor);
    }

    /** The server's root, such as {@code http://127.0.0.1:40123}; the API is under {@code /v1}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream()); // drain, so the connection can be reused
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
