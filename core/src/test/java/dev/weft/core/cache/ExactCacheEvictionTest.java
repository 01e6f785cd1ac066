package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.testing.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ExactCache} bounds: age by an injected ticker, entries, and characters. No sleeping. */
class ExactCacheEvictionTest {
    private final ManualTicker ticker = new ManualTicker();
    private final ScriptedChatModel model = ScriptedChatModel.named("m");

    private ChatModel over(ExactCache cache) {
        return ChatPipeline.over(model).with(cache).build();
    }

    @Test
    void entriesExpireExactlyTheirTimeToLiveAfterBeingStored() {
        ExactCache cache = ExactCache.builder().expireAfterWrite(Duration.ofMinutes(10)).ticker(ticker).executor(Runnable::run).build();
        ChatModel cached = over(cache);

        cached.chat(ChatRequest.of("q"));
        ticker.advance(Duration.ofMinutes(10).minusNanos(1));
        cached.chat(ChatRequest.of("q"));
        assertThat(model.chatRequests()).hasSize(1);

        ticker.advance(Duration.ofNanos(1));
        cached.chat(ChatRequest.of("q"));
        assertThat(model.chatRequests()).hasSize(2);
    }

    @Test
    void expiredEntriesAreRemovedAndCountedAsEvictions() {
        ExactCache cache = ExactCache.builder().expireAfterWrite(Duration.ofMinutes(10)).ticker(ticker).executor(Runnable::run).build();
        ChatModel cached = over(cache);
        for (int i = 0; i < 5; i++) {
            cached.chat(ChatRequest.of("q" + i));
        }

        ticker.advance(Duration.ofMinutes(11));
        cache.cleanUp();

        assertThat(cache.metrics().evictions()).isEqualTo(5);
        assertThat(cache.metrics().entries()).isZero();
    }

    @Test
    void theNumberOfEntriesStaysWithinTheMaximumSize() {
        ExactCache cache = ExactCache.builder().maximumSize(3).ticker(ticker).executor(Runnable::run).build();
        ChatModel cached = over(cache);
        for (int i = 0; i < 10; i++) {
            cached.chat(ChatRequest.of("q" + i));
        }
        cache.cleanUp();

        ExactCacheMetrics m = cache.metrics();
        assertThat(m.stores()).isEqualTo(10);
        assertThat(m.entries()).isEqualTo(3);
        assertThat(m.evictions()).isEqualTo(7);
    }

    @Test
    void theCharactersHeldStayWithinTheMaximumWeight() {
        ExactCache cache = ExactCache.builder().maximumWeight(100).ticker(ticker).executor(Runnable::run).build();
        ChatModel cached = over(cache);
        for (int i = 0; i < 6; i++) {
            model.thenAnswer("x".repeat(40));
            cached.chat(ChatRequest.of("q" + i));
        }
        cache.cleanUp();

        assertThat(cache.metrics().entries()).isBetween(1L, 2L);
        assertThat(cache.metrics().evictions()).isEqualTo(6 - cache.metrics().entries());
    }

    @Test
    void anAnswerHeavierThanTheMaximumWeightIsNotKept() {
        ExactCache cache = ExactCache.builder().maximumWeight(100).ticker(ticker).executor(Runnable::run).build();
        model.thenAnswer("x".repeat(101));

        over(cache).chat(ChatRequest.of("q"));
        cache.cleanUp();

        assertThat(cache.metrics().entries()).isZero();
        assertThat(cache.metrics().evictions()).isOne();
    }
}
