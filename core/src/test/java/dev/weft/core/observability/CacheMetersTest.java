package dev.weft.core.observability;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.weft.core.InvalidInputException;
import dev.weft.core.cache.ExactCache;
import dev.weft.core.cache.ExactCacheMetrics;
import dev.weft.core.cache.SemanticCache;
import dev.weft.core.cache.SemanticCacheMetrics;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedEmbeddingModel;
import io.opentelemetry.api.common.Attributes;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link CacheMeters} publishes the caches' figures, read at collection, under the right names and attributes. */
class CacheMetersTest {
    private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

    @AfterEach
    void closeSdk() {
        telemetry.close();
    }

    @Test
    void anExactCachesCallsArePublishedAsAPartitionWithItsOtherFigures() {
        ExactCacheMetrics figures = new ExactCacheMetrics(10, 4, 3, 1, 2, new TokenUsage(500, 70), 6);
        try (CacheMeters meters = CacheMeters.builder(telemetry.sdk()).exact("answers", () -> figures).register()) {
            Attributes cache = cache("exact", "answers");

            assertThat(telemetry.sums("weft.cache.requests")).containsOnly(
                    entry(with(cache, "weft.cache.result", "hit"), 4L),
                    entry(with(cache, "weft.cache.result", "coalesced"), 6L),
                    entry(with(cache, "weft.cache.result", "miss"), 4L));
            assertThat(telemetry.sums("weft.cache.stores")).containsOnly(entry(cache, 3L));
            assertThat(telemetry.sums("weft.cache.evictions")).containsOnly(entry(cache, 1L));
            assertThat(telemetry.sums("weft.cache.entries")).containsOnly(entry(cache, 2L));
            assertThat(telemetry.sums("weft.cache.saved_tokens")).containsOnly(
                    entry(with(cache, "gen_ai.token.type", "input"), 500L),
                    entry(with(cache, "gen_ai.token.type", "output"), 70L));
            assertThat(telemetry.sums("weft.cache.store_failures")).isEmpty();
            assertThat(meters.observed()).containsExactly("exact/answers");
        }
    }

    @Test
    void theMetricsCarryUnitsInTheConventionsStyle() {
        try (CacheMeters ignored = CacheMeters.builder(telemetry.sdk()).exact("answers", ExactCache.builder().build()).register()) {
            assertThat(telemetry.metric("weft.cache.requests").orElseThrow().getUnit()).isEqualTo("{request}");
            assertThat(telemetry.metric("weft.cache.entries").orElseThrow().getUnit()).isEqualTo("{entry}");
            assertThat(telemetry.metric("weft.cache.entries").orElseThrow().getLongSumData().isMonotonic()).isFalse();
            assertThat(telemetry.metric("weft.cache.requests").orElseThrow().getLongSumData().isMonotonic()).isTrue();
            assertThat(telemetry.metric("weft.cache.saved_tokens").orElseThrow().getUnit()).isEqualTo("{token}");
            assertThat(telemetry.metric("weft.cache.requests").orElseThrow().getInstrumentationScopeInfo().getName())
                    .isEqualTo(Tracing.INSTRUMENTATION_NAME);
        }
    }

    @Test
    void aRealExactCacheIsReadAtEachCollection() {
        ScriptedChatModel scripted = ScriptedChatModel.named("m");
        ExactCache cache = ExactCache.builder().build();
        ChatModel model = ChatPipeline.over(scripted).with(cache).build();
        try (CacheMeters ignored = CacheMeters.builder(telemetry.sdk()).exact("answers", cache).register()) {
            Attributes c = cache("exact", "answers");
            model.chat(ChatRequest.of("q"));
            assertThat(telemetry.sums("weft.cache.requests")).contains(entry(with(c, "weft.cache.result", "miss"), 1L),
                    entry(with(c, "weft.cache.result", "hit"), 0L));

            model.chat(ChatRequest.of("q"));
            model.chat(ChatRequest.of("q"));

            assertThat(telemetry.sums("weft.cache.requests")).contains(entry(with(c, "weft.cache.result", "miss"), 1L),
                    entry(with(c, "weft.cache.result", "hit"), 2L));
            assertThat(telemetry.sums("weft.cache.saved_tokens")).contains(entry(with(c, "gen_ai.token.type", "input"), 6L));
        }
    }

    @Test
    void aSemanticCachesFiguresArePublishedAsItsMetricsSayThem() {
        ScriptedChatModel scripted = ScriptedChatModel.named("m");
        SemanticCache cache = SemanticCache.builder(new ScriptedEmbeddingModel("e", 8)).build();
        ChatModel model = ChatPipeline.over(scripted).with(cache).build();
        model.chat(ChatRequest.of("What is the capital of France?"));
        model.chat(ChatRequest.of("What is the capital of France?"));
        model.chat(ChatRequest.of("   "));

        try (CacheMeters ignored = CacheMeters.builder(telemetry.sdk()).semantic("paraphrases", cache).register()) {
            SemanticCacheMetrics m = cache.metrics();
            Attributes c = cache("semantic", "paraphrases");

            assertThat(m.hits()).isOne();
            assertThat(telemetry.sums("weft.cache.requests")).containsOnly(
                    entry(with(c, "weft.cache.result", "hit"), m.hits()),
                    entry(with(c, "weft.cache.result", "miss"), m.misses()),
                    entry(with(c, "weft.cache.result", "skipped"), m.skipped()),
                    entry(with(c, "weft.cache.result", "lookup_failure"), m.lookupFailures()));
            assertThat(telemetry.sums("weft.cache.stores")).containsOnly(entry(c, m.stores()));
            assertThat(telemetry.sums("weft.cache.store_failures")).containsOnly(entry(c, m.storeFailures()));
            assertThat(telemetry.sums("weft.cache.evictions")).containsOnly(entry(c, m.evictions()));
            assertThat(telemetry.sums("weft.cache.entries")).containsOnly(entry(c, m.entries()));
            assertThat(telemetry.sums("weft.cache.saved_tokens")).containsOnly(
                    entry(with(c, "gen_ai.token.type", "input"), m.savedUsage().inputTokens()),
                    entry(with(c, "gen_ai.token.type", "output"), m.savedUsage().outputTokens()));
            assertThat(telemetry.sums("weft.cache.verifier_rejections")).containsOnly(entry(c, 0L));
        }
    }

    @Test
    void aSemanticCachesVerifierRejectionsArePublished() {
        SemanticCache cache = SemanticCache.builder(new ScriptedEmbeddingModel("e", 8))
                .verifier(candidate -> false) // vetoes every candidate hit
                .build();
        ChatModel model = ChatPipeline.over(ScriptedChatModel.named("m")).with(cache).build();
        model.chat(ChatRequest.of("What is the capital of France?"));
        model.chat(ChatRequest.of("What is the capital of France?"));
        model.chat(ChatRequest.of("What is the capital of France?"));

        try (CacheMeters ignored = CacheMeters.builder(telemetry.sdk()).semantic("vetted", cache).register()) {
            Attributes c = cache("semantic", "vetted");
            assertThat(cache.metrics().verifierRejections()).isPositive();
            assertThat(telemetry.sums("weft.cache.verifier_rejections"))
                    .containsOnly(entry(c, cache.metrics().verifierRejections()));
            assertThat(telemetry.sums("weft.cache.requests")).contains(entry(with(c, "weft.cache.result", "hit"), 0L));
        }
    }

    @Test
    void cachesOfBothTypesAndSeveralNamesHaveSeriesOfTheirOwn() {
        try (CacheMeters ignored = CacheMeters.builder(telemetry.sdk())
                .exact("a", () -> new ExactCacheMetrics(0, 0, 0, 0, 1, TokenUsage.ZERO, 0))
                .exact("b", () -> new ExactCacheMetrics(0, 0, 0, 0, 2, TokenUsage.ZERO, 0))
                .semantic("a", SemanticCache.builder(new ScriptedEmbeddingModel("e", 8)).build())
                .register()) {
            assertThat(telemetry.sums("weft.cache.entries")).containsOnly(
                    entry(cache("exact", "a"), 1L), entry(cache("exact", "b"), 2L), entry(cache("semantic", "a"), 0L));
        }
    }

    @Test
    void closingStopsReadingTheCachesAndEndsTheirSeries() {
        AtomicInteger reads = new AtomicInteger();
        CacheMeters meters = CacheMeters.builder(telemetry.sdk()).exact("answers", () -> {
            reads.incrementAndGet();
            return new ExactCacheMetrics(1, 1, 1, 0, 1, TokenUsage.ZERO, 0);
        }).register();
        assertThat(telemetry.sums("weft.cache.requests")).isNotEmpty();
        assertThat(reads).hasValue(1);

        meters.close();
        meters.close();

        assertThat(telemetry.sums("weft.cache.requests")).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aCacheWhoseFiguresCannotBeReadIsLeftOutAndTheOthersAreNot() {
        try (CacheMeters ignored = CacheMeters.builder(telemetry.sdk())
                .exact("broken", () -> {
                    throw new IllegalStateException("bug");
                })
                .exact("fine", () -> new ExactCacheMetrics(0, 0, 0, 0, 5, TokenUsage.ZERO, 0))
                .register()) {
            assertThat(telemetry.sums("weft.cache.entries")).containsOnly(entry(cache("exact", "fine"), 5L));
        }
    }

    @Test
    void theBuilderNamesWhatIsWrong() {
        ExactCache cache = ExactCache.builder().build();
        assertThatThrownBy(() -> CacheMeters.builder(telemetry.sdk()).exact(" ", cache))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name must not be blank");
        assertThatThrownBy(() -> CacheMeters.builder(telemetry.sdk()).exact("a", cache).exact("a", cache))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("two exact caches are named 'a'");
        assertThatThrownBy(() -> CacheMeters.builder(telemetry.sdk()).register())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no cache to observe");
        assertThatThrownBy(() -> CacheMeters.builder(null).exact("a", cache).register())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("openTelemetry");
    }

    private static Attributes cache(String type, String name) {
        return Attributes.of(stringKey("weft.cache.type"), type, stringKey("weft.cache.name"), name);
    }

    private static Attributes with(Attributes base, String key, String value) {
        return base.toBuilder().put(stringKey(key), value).build();
    }
}
