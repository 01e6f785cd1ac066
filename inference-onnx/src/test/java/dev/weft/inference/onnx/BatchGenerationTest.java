package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.Sampling;
import dev.weft.inference.onnx.internal.generation.GeneratedAnswer;
import java.util.ArrayList;
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
 * Prompts of different lengths generated together (left-padded, masked, each row with its own positions, limits
 * and stop sequences) get, token for token, the greedy answers they get alone, in the order they were given.
 */
class BatchGenerationTest {
    private static final List<String> STOPS = List.of(" the", ".", "-1", "ed ", ", and");
    private static OnnxChatModel smallBatches;

    @BeforeAll
    static void loadSmallBatchModel() {
        smallBatches = LanguageModels.builder(LanguageModels.microLmDirectory()).maxBatchSize(3).build();
    }

    @AfterAll
    static void closeSmallBatchModel() {
        smallBatches.close();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 10).boxed();
    }

    /** 2 to 9 greedy requests of 1 to 40 words, each with its own maxTokens and, for some, a stop sequence. */
    static List<ChatRequest> requests(long seed) {
        Random random = new Random(seed);
        List<ChatRequest> requests = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i >= 0; i--) {
            Sampling.Builder sampling = Sampling.builder().temperature(0.0).maxTokens(4 + random.nextInt(28));
            if (random.nextInt(3) == 0) {
                sampling.stop(STOPS.get(random.nextInt(STOPS.size())));
            }
            requests.add(ChatRequest.builder().user(Prompts.prompt(random, 40)).sampling(sampling.build()).build());
        }
        return requests;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void batchedGreedyAnswersEqualEachPromptGeneratedAlone(long seed) {
        List<ChatRequest> requests = requests(seed);
        for (OnnxChatModel model : List.of(LanguageModels.microLm(), smallBatches)) {
            List<GeneratedAnswer> batched = model.engine().generate(requests);
            assertThat(batched).hasSameSizeAs(requests);
            for (int i = 0; i < requests.size(); i++) {
                GeneratedAnswer alone = model.engine().generate(List.of(requests.get(i))).getFirst();
                GeneratedAnswer together = batched.get(i);
                String what = "seed " + seed + ", maxBatchSize " + model.info().attributes().get("maxBatchSize")
                        + ", request " + i + " (" + requests.get(i).lastUserText() + ")";
                assertThat(together.promptIds()).as(what).containsExactly(alone.promptIds());
                assertThat(together.tokenIds()).as("%s: batched %s, alone %s", what, Arrays.toString(together.tokenIds()),
                        Arrays.toString(alone.tokenIds())).containsExactly(alone.tokenIds());
                assertThat(together.response().text()).as(what).isEqualTo(alone.response().text());
                assertThat(together.response().finishReason()).as(what).isEqualTo(alone.response().finishReason());
                assertThat(together.response().usage()).as(what).isEqualTo(alone.response().usage());
            }
        }
    }

    @Test
    void chatBatchReturnsTheAnswersInTheRequestsOrder() {
        List<ChatRequest> requests = List.of(
                ChatRequest.builder().user("The p53 protein is a tumour suppressor in many cells of patients")
                        .sampling(Sampling.builder().maxTokens(3).build()).build(),
                ChatRequest.builder().user("In").sampling(Sampling.builder().maxTokens(9).build()).build());
        List<ChatResponse> answers = LanguageModels.microLm().chatBatch(requests);
        assertThat(answers).extracting(r -> r.usage().outputTokens()).containsExactly(3L, 9L);
        assertThat(LanguageModels.microLm().chatBatch(List.of())).isEmpty();
    }
}
