package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Sampling;
import dev.weft.inference.onnx.internal.generation.GeneratedAnswer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding with the attention cache (one new token per step, the cache fed back) gives the tokens that recomputing
 * the whole sequence at every step gives: the cache is wired correctly, layer by layer and position by position.
 */
class CacheEqualsRecomputationTest {
    private static OnnxChatModel recomputing;

    @BeforeAll
    static void loadRecomputingModel() {
        recomputing = LanguageModels.builder(LanguageModels.microLmDirectory()).kvCache(false).build();
    }

    @AfterAll
    static void closeRecomputingModel() {
        recomputing.close();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 8).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedAndRecomputedDecodingGiveTheSameTokens(long seed) {
        Random random = new Random(seed);
        // Even seeds decode greedily, odd seeds sample (seeded), so both paths through the sampler are covered.
        ChatRequest request = ChatRequest.builder().user(Prompts.prompt(random, 12))
                .sampling(Sampling.builder().temperature(seed % 2 == 0 ? 0.0 : 0.9).seed(seed).maxTokens(24).build())
                .build();
        GeneratedAnswer cached = LanguageModels.microLm().engine().generate(List.of(request)).getFirst();
        GeneratedAnswer recomputed = recomputing.engine().generate(List.of(request)).getFirst();
        assertThat(cached.tokenIds()).as("seed %d: cached %s, recomputed %s", seed, Arrays.toString(cached.tokenIds()),
                Arrays.toString(recomputed.tokenIds())).containsExactly(recomputed.tokenIds());
        assertThat(cached.response().text()).isEqualTo(recomputed.response().text());
    }

    @Test
    void recomputationReproducesTheReferenceToo() {
        LanguageModels.Reference reference = LanguageModels.Reference.of(LanguageModels.microLmDirectory());
        assertThat(recomputing.engine().generate(List.of(reference.request())).getFirst().tokenIds())
                .containsExactly(reference.greedyIds());
        assertThat(recomputing.info().attributes()).containsEntry("kvCache", "false");
    }

    @Test
    void aCachedStepFeedsOneTokenAndARecomputedStepTheWholeSequence() {
        LanguageModels.Reference reference = LanguageModels.Reference.of(LanguageModels.microLmDirectory());
        long before = recomputing.engine().stepsRun();
        recomputing.chat(reference.request());
        // One session run per generated token either way; what differs is how much each run reads.
        assertThat(recomputing.engine().stepsRun() - before).isEqualTo(reference.greedyIds().length);
    }
}
