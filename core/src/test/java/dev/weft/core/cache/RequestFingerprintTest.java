package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.model.ModelInfo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The key encoding on hand-picked cases: boundaries that a naive concatenation would blur, and stability. */
class RequestFingerprintTest {
    private static final ModelInfo MODEL = ModelInfo.builder("gpt-test", "openai").build();
    private static final String GOLDEN = "7e8e41200f7e93ac4a61ad20f9c9103ef265555740b1c648a9124f869910c09e";

    static Stream<Arguments> lookalikes() {
        return Stream.of(
                Arguments.argumentSet("text split at another place",
                        request(Message.user("ab"), Message.user("c")), request(Message.user("a"), Message.user("bc"))),
                Arguments.argumentSet("same text, another role",
                        request(Message.system("x"), Message.user("q")), request(Message.user("x"), Message.user("q"))),
                Arguments.argumentSet("tool call arguments against assistant text",
                        request(new AssistantMessage("", List.of(new ToolCall("1", "f", "{}"))), Message.user("q")),
                        request(new AssistantMessage("{}", List.of(new ToolCall("1", "f", "{}"))), Message.user("q"))),
                Arguments.argumentSet("a tool result's error flag",
                        request(new ToolResultMessage("1", "f", "boom", false)), request(new ToolResultMessage("1", "f", "boom", true))),
                Arguments.argumentSet("stop sequences split differently",
                        ChatRequest.builder().user("q").sampling(Sampling.builder().stop("a", "b").build()).build(),
                        ChatRequest.builder().user("q").sampling(Sampling.builder().stop("a\u0000b").build()).build()),
                Arguments.argumentSet("temperature 0 against unset",
                        ChatRequest.builder().user("q").sampling(Sampling.builder().temperature(0.0).build()).build(),
                        ChatRequest.of("q")),
                Arguments.argumentSet("an empty tenant against none",
                        ChatRequest.builder().user("q").context(RequestContext.builder().tenantId("").build()).build(),
                        ChatRequest.of("q")),
                Arguments.argumentSet("JSON number 1 against 1.0",
                        withTool("{\"type\":\"object\",\"maxItems\":1}"), withTool("{\"type\":\"object\",\"maxItems\":1.0}")),
                Arguments.argumentSet("JSON text format against any JSON",
                        ChatRequest.builder().user("q").responseFormat(ResponseFormat.TEXT).build(),
                        ChatRequest.builder().user("q").responseFormat(ResponseFormat.JSON).build()));
    }

    @ParameterizedTest
    @MethodSource("lookalikes")
    void lookalikeRequestsGetDifferentKeys(ChatRequest a, ChatRequest b) {
        assertThat(RequestFingerprint.exactKey(a, MODEL)).isNotEqualTo(RequestFingerprint.exactKey(b, MODEL));
    }

    @Test
    void jsonPropertyOrderDoesNotMatter() {
        assertThat(RequestFingerprint.exactKey(withTool("{\"type\":\"object\",\"properties\":{\"a\":{},\"b\":{}}}"), MODEL))
                .isEqualTo(RequestFingerprint.exactKey(withTool("{\"properties\":{\"b\":{},\"a\":{}},\"type\":\"object\"}"), MODEL));
    }

    @Test
    void theKeyOfAFixedRequestIsStableAcrossRunsAndProcesses() {
        // A shared (remote) cache needs every process to compute the same key. If this changes, the encoding
        // changed: bump the domain string in RequestFingerprint so that old and new keys cannot meet.
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What is the capital of France?")
                .tool(ToolSpec.of("search", "Web search", "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}"))
                .sampling(Sampling.builder().temperature(0.0).maxTokens(64).build())
                .context(RequestContext.builder().tenantId("acme").build())
                .build();
        ExactKey key = RequestFingerprint.exactKey(request, MODEL);
        assertThat(key.tenant()).isEqualTo("acme");
        assertThat(key.digestHex()).isEqualTo(GOLDEN);
    }

    private static ChatRequest request(Message... messages) {
        return ChatRequest.builder().messages(List.of(messages)).build();
    }

    private static ChatRequest withTool(String schema) {
        return ChatRequest.builder().user("q").tool(ToolSpec.of("f", "", schema)).build();
    }
}
