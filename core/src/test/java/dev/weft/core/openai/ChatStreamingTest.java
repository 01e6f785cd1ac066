package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ChatValues;
import dev.weft.testing.Generated;
import dev.weft.core.testing.JsonValues;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.Texts;
import dev.weft.core.testing.WireReply;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Streamed answers over server-sent events become deltas and a complete response. */
class ChatStreamingTest {
    private OpenAiWireServer server;
    private OpenAiChatModel model;

    @BeforeEach
    void start() {
        server = OpenAiWireServer.start();
        model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test").model("gpt-4o-mini").build();
    }

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    private static List<ChatDelta> read(ChatStream stream) {
        List<ChatDelta> deltas = new ArrayList<>();
        stream.forEach(deltas::add);
        return deltas;
    }

    @Test
    void textStreamsDeltaByDeltaWithUsageFromTheFinalChunk() {
        server.enqueue(WireReply.sse(OpenAiWire.stream().role().text("Hel", "lo", " there").finish("stop").usage(12, 3).done().sse()));

        try (ChatStream stream = model.stream(ChatRequest.of("hi"))) {
            assertThat(read(stream)).containsExactly(new ChatDelta.Text("Hel"), new ChatDelta.Text("lo"), new ChatDelta.Text(" there"));
            ChatResponse r = stream.response();
            assertThat(r.text()).isEqualTo("Hello there");
            assertThat(r.usage()).isEqualTo(new TokenUsage(12, 3));
            assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(r.model().version()).isEqualTo(OpenAiWire.SNAPSHOT);
            assertThat(r.timings().timeToFirstToken()).isPositive().isLessThanOrEqualTo(r.timings().total());
        }
    }

    @Test
    void parallelToolCallsSplitAcrossChunksAreAssembledByIndex() {
        server.enqueue(WireReply.sse(OpenAiWire.stream()
                .toolCallStart(0, "call_a", "get_weather")
                .toolCallArguments(0, "{\"ci")
                .toolCallStart(1, "call_b", "get_time")
                .toolCallArguments(1, "{\"zone\":")
                .toolCallArguments(0, "ty\":\"Par")
                .toolCallArguments(1, "\"CET\"}")
                .toolCallArguments(0, "is\"}")
                .finish("tool_calls").usage(80, 40).done().sse()));

        try (ChatStream stream = model.stream(ChatRequest.of("weather and time?"))) {
            List<ChatDelta> deltas = read(stream);
            assertThat(deltas).first().isEqualTo(new ChatDelta.ToolCallChunk(0, "call_a", "get_weather", ""));
            assertThat(deltas).contains(new ChatDelta.ToolCallChunk(1, "call_b", "get_time", ""),
                    new ChatDelta.ToolCallChunk(0, null, null, "ty\":\"Par"));
            ChatResponse r = stream.response();
            assertThat(r.message().toolCalls()).containsExactly(
                    new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                    new ToolCall("call_b", "get_time", "{\"zone\":\"CET\"}"));
            assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(r.usage()).isEqualTo(new TokenUsage(80, 40));
        }
    }

    /** A streamed answer: optional text, then tool calls whose argument fragments interleave. */
    record Scenario(List<String> textPieces, List<ToolCall> calls, List<String> events, int[] cuts) {
        @Override
        public String toString() {
            return calls.size() + " calls, " + events.size() + " events, " + cuts.length + " cuts";
        }
    }

    static Scenario scenario(Random r) {
        List<String> text = new ArrayList<>();
        for (int i = r.intRange(0, 3); i > 0; i--) {
            text.add(Texts.nonBlank(r, 6));
        }
        int n = r.intRange(1, 4);
        List<ToolCall> calls = new ArrayList<>();
        Map<Integer, List<String>> fragments = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ToolCall c = new ToolCall("call_" + i + "_" + r.alphanumeric(8), ChatValues.toolName(r), JsonValues.object(r, 2).toString());
            calls.add(c);
            fragments.put(i, splitCodePoints(c.arguments(), r));
        }
        OpenAiWire.Stream s = OpenAiWire.stream();
        if (text.isEmpty()) {
            s.role();
        } else {
            s.text(text.toArray(String[]::new));
        }
        // Interleave: start each call before its first fragment; otherwise pick a random call with fragments left.
        boolean[] started = new boolean[n];
        int[] next = new int[n];
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!started[i] || next[i] < fragments.get(i).size()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            int i = open.get(r.intRange(0, open.size() - 1));
            if (!started[i]) {
                started[i] = true;
                s.toolCallStart(i, calls.get(i).id(), calls.get(i).name());
            } else {
                s.toolCallArguments(i, fragments.get(i).get(next[i]++));
            }
        }
        s.finish("tool_calls").usage(100, 7).done();
        byte[] body = s.sse().getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[r.intRange(0, 12)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = r.intRange(1, body.length - 1);
        }
        java.util.Arrays.sort(cuts);
        return new Scenario(text, calls, s.events(), cuts);
    }

    private static List<String> splitCodePoints(String s, Random r) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        int from = 0;
        while (from < cps.length) {
            int len = r.intRange(1, 6);
            int to = Math.min(cps.length, from + len);
            out.add(new String(cps, from, to - from));
            from = to;
        }
        return out;
    }

    static Stream<Arguments> scenarios() {
        return Generated.cases(60, ChatStreamingTest::scenario);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void interleavedToolCallsCutAnywhereAreAssembledExactly(Scenario scenario) {
        server.enqueue(WireReply.sse(String.join("", scenario.events())).cutAt(scenario.cuts()));

        try (ChatStream stream = model.stream(ChatRequest.of("go"))) {
            List<ChatDelta> deltas = read(stream);
            ChatResponse r = stream.response();

            assertThat(r.text()).isEqualTo(String.join("", scenario.textPieces()));
            assertThat(r.message().toolCalls()).containsExactlyElementsOf(scenario.calls());
            assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(r.usage()).isEqualTo(new TokenUsage(100, 7));
            // The deltas alone rebuild the same calls: first chunk per index carries id and name.
            Map<Integer, StringBuilder> args = new LinkedHashMap<>();
            Map<Integer, String> ids = new LinkedHashMap<>();
            for (ChatDelta d : deltas) {
                if (d instanceof ChatDelta.ToolCallChunk c) {
                    if (!args.containsKey(c.index())) {
                        assertThat(c.id()).isNotNull();
                        assertThat(c.name()).isNotNull();
                        ids.put(c.index(), c.id());
                        args.put(c.index(), new StringBuilder());
                    } else {
                        assertThat(c.id()).isNull();
                    }
                    args.get(c.index()).append(c.argumentsFragment());
                }
            }
            assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, scenario.calls().size()).boxed().toList());
            ids.forEach((index, id) -> assertThat(id).isEqualTo(scenario.calls().get(index).id()));
            for (int i = 0; i < scenario.calls().size(); i++) {
                assertThat(args.get(i).toString()).isEqualTo(scenario.calls().get(i).arguments());
            }
        }
    }

    @Test
    void toleratesKeepAliveCommentsCrLfNullChoicesAndNoSpaceAfterTheColon() {
        String sse = ": OPENROUTER PROCESSING\r\n\r\n"
                + "data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
                + "event: message\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"choices\":null,\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(WireReply.sse(sse));

        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            assertThat(read(stream)).containsExactly(new ChatDelta.Text("a"), new ChatDelta.Text("b"));
            assertThat(stream.response().usage()).isEqualTo(new TokenUsage(4, 2));
            assertThat(stream.response().model()).isEqualTo(model.info());
        }
    }

    @Test
    void toolCallsWithoutIndexOrWithRepeatedIdsAreStillAssembled() {
        // Some servers omit the index and repeat id and name on every fragment.
        String sse = "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}}]}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\"1}\"}}]}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"id\":\"c2\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(WireReply.sse(sse));

        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            assertThat(stream.response().message().toolCalls())
                    .containsExactly(new ToolCall("c1", "f", "{\"a\":1}"), new ToolCall("c2", "g", "{}"));
        }
    }

    @Test
    void aStreamedRefusalEndsWithContentFilter() {
        server.enqueue(WireReply.sse(OpenAiWire.stream().refusal("I can't", " help.").finish("stop").done().sse()));

        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            ChatResponse r = stream.response();
            assertThat(r.text()).isEqualTo("I can't help.");
            assertThat(r.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        }
    }

    @Test
    void aServerThatIgnoresStreamingAndAnswersJsonIsReplayed() {
        server.enqueue(WireReply.json(OpenAiWire.completion().content("whole").usage(5, 1).json()));

        try (ChatStream stream = model.stream(ChatRequest.of("q"))) {
            assertThat(read(stream)).containsExactly(new ChatDelta.Text("whole"));
            assertThat(stream.response().usage()).isEqualTo(new TokenUsage(5, 1));
        }
    }

    @Test
    void nothingIsSentUntilTheStreamIsRead() {
        server.respondWith(OpenAiWireServer::ok);
        ChatStream stream = model.stream(ChatRequest.of("q"));
        stream.close();

        assertThat(server.requestCount()).isZero();
    }

    @Test
    void closingAStreamFromAnotherThreadCancelsTheExchange() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (OpenAiChatModel m = OpenAiChatModel.builder().baseUrl(server.baseUrl()).model("gpt-4o-mini").apiKey("k")
                .httpClient(client).build()) {
            server.enqueue(WireReply.sse(OpenAiWire.stream().role().text("first").sse()).then(WireReply.Ending.STALL));
            ChatStream stream = m.stream(ChatRequest.of("q"));
            Iterator<ChatDelta> it = stream.iterator();
            assertThat(it.next()).isEqualTo(new ChatDelta.Text("first"));

            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    it.hasNext();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            stream.close();

            assertThat(reader.get(10, TimeUnit.SECONDS)).isInstanceOf(WeftException.class)
                    .hasMessageContaining("closed before it ended");
            assertThatThrownBy(stream::response).isInstanceOf(WeftException.class);
            client.shutdown();
            assertThat(client.awaitTermination(Duration.ofSeconds(10))).as("no exchange left open").isTrue();
        } finally {
            client.shutdownNow();
        }
    }
}
