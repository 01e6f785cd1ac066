package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.cache.Caches;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider's response id reaches the span, and an answer served by a cache inside the traced chain is marked. */
class TracingCacheAndIdTest {
    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    @Test
    void theMissCarriesTheResponseIdAndTheHitCarriesTheCacheMarkWithoutUsage() {
        ScriptedChatModel scripted = ScriptedChatModel.named("m");
        ChatResponse answer = new ChatResponse(AssistantMessage.of("hi"), new TokenUsage(12, 3), FinishReason.STOP,
                scripted.info(), Timings.ZERO, "chatcmpl-42", null);
        scripted.thenAnswer(answer);
        ChatModel model = ChatPipeline.over(scripted).with(Tracing.openTelemetry(telemetry.sdk())).with(Caches.exact().build()).build();

        ChatResponse miss = model.chat(ChatRequest.of("q"));
        ChatResponse hit = model.chat(ChatRequest.of("q"));

        assertThat(miss.fromCache()).isFalse();
        assertThat(hit.cacheHit().savedUsage()).isEqualTo(new TokenUsage(12, 3));
        assertThat(hit.usage()).isEqualTo(TokenUsage.ZERO);
        List<SpanData> spans = telemetry.spans();
        assertThat(spans).hasSize(2);
        SpanData first = spans.get(0);
        SpanData second = spans.get(1);
        assertThat(first.getAttributes().get(stringKey("gen_ai.response.id"))).isEqualTo("chatcmpl-42");
        assertThat(first.getAttributes().get(stringKey("weft.cache.hit"))).isNull();
        assertThat(first.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(12L);
        assertThat(second.getAttributes().get(stringKey("weft.cache.hit"))).isEqualTo("exact");
        assertThat(second.getAttributes().get(doubleKey("weft.cache.similarity"))).isEqualTo(1.0);
        assertThat(second.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
    }

    @Test
    void aModelInfoIsUnchangedByServingFromCache() {
        ModelInfo info = ScriptedChatModel.named("m").info();
        ChatResponse original = new ChatResponse(AssistantMessage.of("a"), new TokenUsage(1, 1), FinishReason.STOP, info, null);
        assertThat(original.servedFromCache(dev.weft.core.chat.CacheHit.exact(original.usage())).model()).isEqualTo(info);
    }
}
