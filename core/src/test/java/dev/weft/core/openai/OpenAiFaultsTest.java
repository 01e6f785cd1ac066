package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.AuthenticationException;
import dev.weft.core.ContentFilteredException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.QuotaExceededException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.WireReply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each fault a provider produces arrives as its own typed exception with the provider's message, for calls and
 * for streams; malformed answers become {@link InvalidModelResponseException} with an excerpt, never a
 * NullPointerException or a hang (the class timeout guards against hangs).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenAiFaultsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(20);

    /** Which deadlines a fault case runs with: generous ones, or a short one for the deadline under test. */
    enum Deadlines { GENEROUS, SHORT_REQUEST, SHORT_IDLE }

    private OpenAiWireServer server;
    private OpenAiChatModel model;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start();
        model = model(Deadlines.GENEROUS);
    }

    private OpenAiChatModel model(Deadlines deadlines) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-secret-0123456789").model("gpt-4o-mini")
                .requestTimeout(deadlines == Deadlines.SHORT_REQUEST ? SHORT : LONG)
                .streamIdleTimeout(deadlines == Deadlines.GENEROUS ? LONG : SHORT).build();
    }

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    /** A scripted fault and what it must become. */
    record Fault(String name, Supplier<WireReply> reply, Class<? extends WeftException> type, String messagePart,
            Consumer<WeftException> check, Deadlines deadlines) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Fault fault(String name, Supplier<WireReply> reply, Class<? extends WeftException> type, String messagePart) {
        return new Fault(name, reply, type, messagePart, e -> { }, Deadlines.GENEROUS);
    }

    private static Fault stall(String name, Supplier<WireReply> reply, String messagePart) {
        return new Fault(name, reply, ModelTimeoutException.class, messagePart, e -> { }, Deadlines.SHORT_REQUEST);
    }

    private static Fault fault(String name, Supplier<WireReply> reply, Class<? extends WeftException> type, String messagePart,
            Consumer<WeftException> check) {
        return new Fault(name, reply, type, messagePart, check, Deadlines.GENEROUS);
    }

    private static WireReply error(int status, String message, String type, String code) {
        return WireReply.json(status, OpenAiWire.error(message, type, code));
    }

    /** Faults that look the same to a call and to a stream (they come before any answer). */
    static Stream<Fault> statusFaults() {
        return Stream.of(
                fault("400 context_length_exceeded", () -> error(400, "This model's maximum context length is 128000 tokens.",
                        "invalid_request_error", "context_length_exceeded"), InvalidRequestException.class, "maximum context length",
                        e -> {
                            assertThat(((InvalidRequestException) e).status()).isEqualTo(400);
                            assertThat(((InvalidRequestException) e).providerCode()).isEqualTo("context_length_exceeded");
                        }),
                fault("401 invalid_api_key", () -> error(401, "Incorrect API key provided: sk-secr***6789.", "invalid_request_error",
                        "invalid_api_key"), AuthenticationException.class, "Incorrect API key provided",
                        e -> assertThat(e.getMessage()).doesNotContain("sk-secret-0123456789").contains("OPENAI_API_KEY")),
                fault("403 unsupported_country", () -> error(403, "Country, region, or territory not supported", "request_forbidden",
                        "unsupported_country_region_territory"), AuthenticationException.class, "not supported",
                        e -> assertThat(((AuthenticationException) e).status()).isEqualTo(403)),
                fault("404 model_not_found", () -> error(404, "The model `gpt-9` does not exist or you do not have access to it.",
                        "invalid_request_error", "model_not_found"), ModelNotFoundException.class, "does not exist"),
                fault("400 content_filter (Azure)", () -> error(400, "The response was filtered due to the prompt triggering Azure "
                        + "OpenAI's content management policy.", null, "content_filter"), ContentFilteredException.class, "filtered"),
                fault("429 insufficient_quota", () -> error(429, "You exceeded your current quota, please check your plan and "
                        + "billing details.", "insufficient_quota", "insufficient_quota"), QuotaExceededException.class, "quota"),
                fault("429 with Retry-After", () -> error(429, "Rate limit reached for gpt-4o-mini on tokens per min (TPM).",
                        "tokens", "rate_limit_exceeded").header("Retry-After", "2"), RateLimitedException.class, "Rate limit reached",
                        e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(2))),
                fault("429 with retry-after-ms", () -> error(429, "Rate limit reached", "requests", "rate_limit_exceeded")
                        .header("retry-after-ms", "150").header("Retry-After", "1"), RateLimitedException.class, "Rate limit",
                        e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofMillis(150))),
                fault("429 with an HTTP-date Retry-After in the past", () -> error(429, "Slow down", "requests", null)
                        .header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), RateLimitedException.class, "Slow down",
                        e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ZERO)),
                fault("429 without Retry-After", () -> error(429, "Rate limit reached", "requests", "rate_limit_exceeded"),
                        RateLimitedException.class, "Rate limit", e -> assertThat(((RateLimitedException) e).retryAfter()).isEmpty()),
                fault("500 server_error", () -> error(500, "The server had an error while processing your request. Sorry about that!",
                        "server_error", null), ModelUnavailableException.class, "The server had an error"),
                fault("502 HTML from a proxy", () -> WireReply.body(502, "text/html", "<html>\r\n<head><title>502 Bad Gateway</title>"
                        + "</head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
                        + "</body>\r\n</html>\r\n"), ModelUnavailableException.class, "502 Bad Gateway"),
                fault("503 overloaded with Retry-After", () -> error(503, "The engine is currently overloaded, please try again later.",
                        "server_error", null).header("Retry-After", "7"), ModelUnavailableException.class, "overloaded",
                        e -> assertThat(((ModelUnavailableException) e).retryAfter()).contains(Duration.ofSeconds(7))),
                fault("408 from the server", () -> error(408, "Request timed out.", "timeout", null), ModelTimeoutException.class,
                        "Request timed out"),
                fault("409 conflict", () -> error(409, "Another request is using this resource.", "conflict", null),
                        ModelUnavailableException.class, "Another request"),
                fault("vLLM's flat error object", () -> WireReply.json(400, "{\"object\":\"error\",\"message\":\"max_tokens must be at "
                        + "least 1\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"), InvalidRequestException.class,
                        "max_tokens must be at least 1"),
                stall("stall before the first byte", () -> WireReply.json("{}").stallingBeforeHeaders(), "within"));
    }

    @ParameterizedTest
    @MethodSource("statusFaults")
    void callsFailWithTheTypedException(Fault fault) {
        server.enqueue(fault.reply().get());

        Throwable thrown;
        try (OpenAiChatModel m = model(fault.deadlines())) {
            thrown = catchThrowable(() -> m.chat(ChatRequest.of("q")));
        }

        assertFault(thrown, fault);
    }

    @ParameterizedTest
    @MethodSource("statusFaults")
    void streamsFailWithTheTypedException(Fault fault) {
        server.enqueue(fault.reply().get());

        Throwable thrown;
        try (OpenAiChatModel m = model(fault.deadlines()); ChatStream stream = m.stream(ChatRequest.of("q"))) {
            thrown = catchThrowable(stream::response);
        }

        assertFault(thrown, fault);
    }

    private void assertFault(Throwable thrown, Fault fault) {
        assertThat(thrown).isInstanceOf(fault.type()).hasMessageContaining(fault.messagePart());
        assertThat(thrown.getMessage()).contains("gpt-4o-mini").contains(server.baseUrl()).doesNotContain("sk-secret-0123456789");
        fault.check().accept((WeftException) thrown);
    }

    static Stream<Fault> malformedCompletions() {
        return Stream.of(
                fault("invalid JSON", () -> WireReply.json("{\"id\": \"chatcmpl-1\", \"choices\": [{\"message\": "),
                        InvalidModelResponseException.class, "not valid JSON",
                        e -> assertThat(((InvalidModelResponseException) e).payloadExcerpt()).startsWith("{\"id\": \"chatcmpl-1\"")),
                fault("empty body", () -> WireReply.json(""), InvalidModelResponseException.class, "chat completion"),
                fault("not an object", () -> WireReply.json("[1,2]"), InvalidModelResponseException.class, "not a JSON object"),
                fault("no choices", () -> WireReply.json("{\"id\":\"x\",\"choices\":[]}"), InvalidModelResponseException.class,
                        "has no choices"),
                fault("choice without a message", () -> WireReply.json("{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}"),
                        InvalidModelResponseException.class, "no message"),
                fault("content of the wrong type", () -> WireReply.json("{\"choices\":[{\"message\":{\"content\":42}}]}"),
                        InvalidModelResponseException.class, "content"),
                fault("tool-call arguments that do not parse", () -> WireReply.json(OpenAiWire.completion()
                        .toolCall("call_1", "get_weather", "{\"city\": \"Par").json()), InvalidModelResponseException.class,
                        "not valid JSON", e -> assertThat(((InvalidModelResponseException) e).payloadExcerpt())
                                .isEqualTo("{\"city\": \"Par")),
                fault("tool-call arguments that are not an object", () -> WireReply.json(OpenAiWire.completion()
                        .toolCall("call_1", "f", "[1]").json()), InvalidModelResponseException.class, "not a JSON object"),
                fault("tool call without an id", () -> WireReply.json("{\"choices\":[{\"message\":{\"tool_calls\":[{\"type\":"
                        + "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}"),
                        InvalidModelResponseException.class, "has no id"),
                fault("negative usage", () -> WireReply.json(((ObjectNode) OpenAiWire.completion().tree()
                        .set("usage", dev.weft.core.json.WeftJson.parse("{\"prompt_tokens\":-1}", "u"))).toString()),
                        InvalidModelResponseException.class, "prompt_tokens"),
                fault("an error object inside a 200", () -> WireReply.json("{\"error\":{\"message\":\"upstream provider error\","
                        + "\"type\":\"server_error\",\"code\":502}}"), ModelUnavailableException.class, "upstream provider error"),
                stall("a body that stalls after the headers", () -> WireReply.json(OpenAiWire.completion().json())
                        .cutAt(10).then(WireReply.Ending.STALL), "within"),
                fault("a connection dropped mid-body", () -> WireReply.json(OpenAiWire.completion().json())
                        .cutAt(40).then(WireReply.Ending.DROP), ModelUnavailableException.class, "failed"));
    }

    @ParameterizedTest
    @MethodSource("malformedCompletions")
    void malformedOrBrokenCompletionsAreTyped(Fault fault) {
        server.enqueue(fault.reply().get());

        Throwable thrown;
        try (OpenAiChatModel m = model(fault.deadlines())) {
            thrown = catchThrowable(() -> m.chat(ChatRequest.of("q")));
        }

        assertFault(thrown, fault);
    }

    /** A stream fault after some deltas: what was read before it, and what it becomes. */
    record StreamFault(String name, Supplier<WireReply> reply, int deltasFirst, Class<? extends WeftException> type,
            String messagePart, Deadlines deadlines) {
        StreamFault(String name, Supplier<WireReply> reply, int deltasFirst, Class<? extends WeftException> type, String messagePart) {
            this(name, reply, deltasFirst, type, messagePart, Deadlines.GENEROUS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<StreamFault> streamFaults() {
        String head = OpenAiWire.stream().role().text("Hel", "lo").sse();
        return Stream.of(
                new StreamFault("connection dropped mid-stream", () -> WireReply.sse(head).then(WireReply.Ending.DROP), 2,
                        ModelUnavailableException.class, "broke after 3 events"),
                new StreamFault("truncated event", () -> WireReply.sse(head + "data: {\"id\":\"chatcmpl-1\",\"choi"), 2,
                        InvalidModelResponseException.class, "without 'data: [DONE]'"),
                new StreamFault("stream ends without [DONE]", () -> WireReply.sse(
                        OpenAiWire.stream().role().text("Hel", "lo").finish("stop").sse()), 2,
                        InvalidModelResponseException.class, "truncated"),
                new StreamFault("malformed JSON event", () -> WireReply.sse(head + "data: {not json}\n\n"), 2,
                        InvalidModelResponseException.class, "Event 4"),
                new StreamFault("choices that are not an array", () -> WireReply.sse(head + "data: {\"choices\":{}}\n\n"), 2,
                        InvalidModelResponseException.class, "'choices' is not an array"),
                new StreamFault("an error event mid-stream", () -> WireReply.sse(head
                        + "data: {\"error\":{\"message\":\"The server had an error processing your request.\",\"type\":\"server_error\"}}\n\n"),
                        2, ModelUnavailableException.class, "The server had an error"),
                new StreamFault("a typed error event", () -> WireReply.sse(head
                        + "event: error\ndata: {\"message\":\"Rate limit exceeded\",\"type\":\"rate_limit_error\"}\n\n"),
                        2, RateLimitedException.class, "Rate limit exceeded"),
                new StreamFault("a stall mid-stream", () -> WireReply.sse(head).then(WireReply.Ending.STALL), 2,
                        ModelTimeoutException.class, "streamIdleTimeout", Deadlines.SHORT_IDLE),
                new StreamFault("tool-call arguments that do not parse", () -> WireReply.sse(OpenAiWire.stream()
                        .toolCallStart(0, "call_1", "f").toolCallArguments(0, "{\"a\":").toolCallArguments(0, "tru}")
                        .finish("tool_calls").done().sse()), 3, InvalidModelResponseException.class, "not valid JSON"),
                new StreamFault("a tool call that never got a name", () -> WireReply.sse(
                        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":"
                                + "{\"arguments\":\"{}\"}}]}}]}\n\ndata: [DONE]\n\n"), 1,
                        InvalidModelResponseException.class, "no function name"));
    }

    @ParameterizedTest
    @MethodSource("streamFaults")
    void streamFaultsArriveAfterTheDeltasBeforeThem(StreamFault fault) {
        server.enqueue(fault.reply().get());
        List<ChatDelta> read = new ArrayList<>();

        Throwable thrown;
        try (OpenAiChatModel m = model(fault.deadlines()); ChatStream stream = m.stream(ChatRequest.of("q"))) {
            thrown = catchThrowable(() -> stream.forEachDelta(read::add));
        }

        assertThat(thrown).isInstanceOf(fault.type()).hasMessageContaining(fault.messagePart());
        assertThat(read).hasSize(fault.deltasFirst());
    }

    @Test
    void aStreamLongerThanTheRequestTimeoutIsCutOff() {
        try (OpenAiChatModel slow = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").model("gpt-4o-mini")
                .requestTimeout(SHORT).streamIdleTimeout(LONG).build()) {
            server.enqueue(WireReply.sse(OpenAiWire.stream().role().text("a").sse()).then(WireReply.Ending.STALL));
            try (ChatStream stream = slow.stream(ChatRequest.of("q"))) {
                assertThat(catchThrowable(stream::response)).isInstanceOf(ModelTimeoutException.class)
                        .hasMessageContaining("requestTimeout");
            }
        }
    }

    @Test
    void aServerThatIsNotThereIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (OpenAiChatModel absent = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("k")
                .model("m").build()) {
            assertThat(catchThrowable(() -> absent.chat(ChatRequest.of("q")))).isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("Could not connect");
            try (ChatStream stream = absent.stream(ChatRequest.of("q"))) {
                assertThat(catchThrowable(stream::response)).isInstanceOf(ModelUnavailableException.class);
            }
        }
    }

    @Test
    void aClosedModelRefusesCalls() {
        model.close();
        model.close();
        assertThat(catchThrowable(() -> model.chat(ChatRequest.of("q")))).isInstanceOf(dev.weft.core.ResourceClosedException.class);
        assertThat(catchThrowable(() -> model.stream(ChatRequest.of("q")))).isInstanceOf(dev.weft.core.ResourceClosedException.class);
    }
}
