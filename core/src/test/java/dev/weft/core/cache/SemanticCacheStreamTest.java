package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SemanticCache} on streams. Embeddings from {@link BagOfWordsEmbeddingModel}. */
class SemanticCacheStreamTest {
    private static final String QUESTION = "what is the capital of France";
    private static final String ANSWER = "Paris is the capital of France.";

    private final BagOfWordsEmbeddingModel embedder = new BagOfWordsEmbeddingModel();
    private final ScriptedChatModel model = ScriptedChatModel.named("m");
    private final SemanticCache cache = SemanticCache.builder(embedder).build();
    private final ChatModel cached = ChatPipeline.over(model).with(cache).build();

    @Test
    void aStreamThatEndsNormallyIsStoredAndAParaphraseIsServedAsAStream() {
        model.thenStream(new ScriptedSource(Answers.deltas(ANSWER), Answers.text(ANSWER, model.info())));
        try (ChatStream stream = cached.stream(ChatRequest.of(QUESTION))) {
            stream.response();
        }

        List<ChatDelta> deltas = new ArrayList<>();
        ChatResponse done;
        try (ChatStream stream = cached.stream(ChatRequest.of("the capital of France is what"))) {
            done = stream.forEachDelta(deltas::add);
        }

        assertThat(model.streamRequests()).hasSize(1);
        assertThat(deltas).containsExactly(new ChatDelta.Text(ANSWER));
        assertThat(done.timings()).isEqualTo(Timings.ZERO);
        assertThat(embedder.calls()).isEqualTo(2);
        assertThat(cache.metrics()).extracting(SemanticCacheMetrics::hits, SemanticCacheMetrics::misses,
                SemanticCacheMetrics::stores).containsExactly(1L, 1L, 1L);
    }

    @Test
    void aStreamClosedBeforeItEndsIsNotStored() {
        model.thenStream(new ScriptedSource(Answers.deltas(ANSWER), Answers.text(ANSWER, model.info())));
        try (ChatStream stream = cached.stream(ChatRequest.of(QUESTION))) {
            stream.iterator().next();
        }

        cached.chat(ChatRequest.of(QUESTION));

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(cache.metrics().misses()).isEqualTo(2);
    }

    @Test
    void aStreamedToolCallAnswerIsNotStored() {
        ChatResponse toolCall = Answers.toolCall(FinishReason.TOOL_CALLS, model.info());
        model.thenStream(new ScriptedSource(List.of(new ChatDelta.ToolCallChunk(0, "call-1", "get_weather", "{}")), toolCall));
        try (ChatStream stream = cached.stream(ChatRequest.of("weather in Paris"))) {
            stream.response();
        }

        assertThat(cache.metrics().stores()).isZero();
    }
}
