package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The builders refuse bad options by name; the {@link Caches} facade builds working caches. */
class CacheBuildersTest {
    private static final BagOfWordsEmbeddingModel EMBEDDER = new BagOfWordsEmbeddingModel();

    static Stream<Arguments> badOptions() {
        return Stream.of(
                bad("maximumSize", () -> ExactCache.builder().maximumSize(0).build()),
                bad("not both", () -> ExactCache.builder().maximumSize(10).maximumWeight(10).build()),
                bad("maximumWeight", () -> ExactCache.builder().maximumWeight(0).build()),
                bad("expireAfterWrite", () -> ExactCache.builder().expireAfterWrite(Duration.ZERO).build()),
                bad("expireAfterWrite", () -> ExactCache.builder().expireAfterWrite(null).build()),
                bad("ticker", () -> ExactCache.builder().ticker(null).build()),
                bad("storeIf", () -> ExactCache.builder().storeIf(null).build()),
                bad("embedder", () -> SemanticCache.builder(null)),
                bad("threshold", () -> SemanticCache.builder(EMBEDDER).threshold(0).build()),
                bad("threshold", () -> SemanticCache.builder(EMBEDDER).threshold(1.01).build()),
                bad("threshold", () -> SemanticCache.builder(EMBEDDER).threshold(Double.NaN).build()),
                bad("maximumSize", () -> SemanticCache.builder(EMBEDDER).maximumSize(0).build()),
                bad("expireAfterWrite", () -> SemanticCache.builder(EMBEDDER).expireAfterWrite(Duration.ofSeconds(-1)).build()),
                bad("ticker", () -> SemanticCache.builder(EMBEDDER).ticker(null).build()));
    }

    private static Arguments bad(String option, Supplier<?> build) {
        return Arguments.argumentSet(option, option, build);
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void buildNamesTheBadOption(String option, Supplier<?> build) {
        assertThatThrownBy(build::get).isInstanceOf(InvalidInputException.class).hasMessageContaining(option);
    }

    @Test
    void theFacadeBuildsCachesThatWorkTogetherInAPipeline() {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ExactCache exact = Caches.exact(100, Duration.ofMinutes(5));
        SemanticCache semantic = Caches.semantic(EMBEDDER, 0.92);
        ChatModel cached = ChatPipeline.over(model).with(exact).with(semantic).build();

        cached.chat(ChatRequest.of("what is the capital of France"));
        cached.chat(ChatRequest.of("what is the capital of France"));
        cached.chat(ChatRequest.of("the capital of France is what"));

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(exact.metrics().hits()).isOne();
        assertThat(semantic.metrics().hits()).isOne();
        assertThat(semantic.threshold()).isEqualTo(0.92f);
    }

    @Test
    void theFacadeBuildersStartFromTheDefaults() {
        assertThat(Caches.semantic(EMBEDDER).build().threshold()).isEqualTo(SemanticCache.DEFAULT_THRESHOLD);
        assertThat(Caches.exact().build().metrics()).isEqualTo(ExactCache.builder().build().metrics());
    }
}
