package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Sampling;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** {@link SelfConsistency}: n samples, a majority vote on normalised answers, agreement as confidence. */
class SelfConsistencyTest {
    private final ScriptedChatModel model = ScriptedChatModel.named("m");

    private static ChatRequest seeded(long seed) {
        return ChatRequest.builder().user("q").sampling(Sampling.builder().seed(seed).build()).build();
    }

    @Test
    void theMajorityOfNormalisedAnswersWinsWithItsShareAsConfidence() {
        model.thenAnswer("Paris.").thenAnswer("london").thenAnswer("  PARIS ").thenAnswer("Rome").thenAnswer("paris!");

        ConsistentAnswer a = SelfConsistency.builder(model).samples(5).build().vote(ChatRequest.of("capital of France?"));

        assertThat(a.answer()).isEqualTo("paris");
        assertThat(a.votes()).isEqualTo(3);
        assertThat(a.confidence()).isEqualTo(0.6);
        assertThat(a.tally()).containsExactly(Map.entry("paris", 3), Map.entry("london", 1), Map.entry("rome", 1));
        assertThat(a.response().text()).isEqualTo("Paris.");
        assertThat(a.samples()).extracting(ChatResponse::text).containsExactly("Paris.", "london", "  PARIS ", "Rome", "paris!");
    }

    @Test
    void theAnswerCarriesTheUsageOfEverySample() {
        ConsistentAnswer a = SelfConsistency.builder(model).samples(4).build().vote(ChatRequest.of("q"));

        assertThat(a.usage()).isEqualTo(new TokenUsage(12, 8));
        assertThat(a.response().usage()).isEqualTo(new TokenUsage(12, 8));
        assertThat(a.samples()).allSatisfy(s -> assertThat(s.usage()).isEqualTo(new TokenUsage(3, 2)));
    }

    @Test
    void aTieGoesToTheAnswerThatAppearedFirst() {
        model.thenAnswer("b").thenAnswer("a").thenAnswer("a").thenAnswer("b").thenAnswer("c");

        ConsistentAnswer a = SelfConsistency.builder(model).samples(5).build().vote(ChatRequest.of("q"));

        assertThat(a.answer()).isEqualTo("b");
        assertThat(a.tally()).containsExactly(Map.entry("b", 2), Map.entry("a", 2), Map.entry("c", 1));
    }

    @Test
    void samplesWithoutAnAnswerAbstainAndCountAgainstConfidence() {
        model.thenAnswer("It is 42.").thenAnswer("I cannot say").thenAnswer("42").thenAnswer("Maybe 41?");

        ConsistentAnswer a = SelfConsistency.builder(model).samples(4).extractor(AnswerExtractor.lastNumber()).build()
                .vote(ChatRequest.of("q"));

        assertThat(a.answer()).isEqualTo("42");
        assertThat(a.confidence()).isEqualTo(0.5);
        assertThat(a.tally()).containsExactly(Map.entry("42", 2), Map.entry("41", 1));
        assertThat(a.response().text()).isEqualTo("It is 42.");
    }

    @Test
    void whenEverySampleAbstainsTheVoteFails() {
        model.thenAnswer("no idea").thenAnswer("none");

        assertThatThrownBy(() -> SelfConsistency.builder(model).samples(2).extractor(AnswerExtractor.lastNumber()).build()
                .vote(ChatRequest.of("q")))
                .isInstanceOf(InvalidModelResponseException.class)
                .hasMessageContaining("None of the 2 samples gave an answer to vote on")
                .hasMessageContaining("no idea");
    }

    @Test
    void eachSampleGetsItsOwnSeedFromTheRequestsSeed() {
        SelfConsistency.builder(model).samples(3).build().vote(seeded(100));

        assertThat(model.chatRequests()).extracting(r -> r.sampling().seed()).containsExactly(100L, 101L, 102L);
        assertThat(model.chatRequests()).extracting(r -> r.sampling().temperature()).containsOnly(0.7);
    }

    @Test
    void withoutARequestSeedTheBaseSeedIsUsedAndWithoutEitherNone() {
        SelfConsistency.builder(model).samples(2).baseSeed(7L).build().vote(ChatRequest.of("q"));
        SelfConsistency.builder(model).samples(2).build().vote(ChatRequest.of("q"));

        assertThat(model.chatRequests()).extracting(r -> r.sampling().seed()).containsExactly(7L, 8L, null, null);
    }

    @Test
    void aRequestsOwnTemperatureIsKeptAndTheDefaultCanBeSwitchedOff() {
        ChatRequest cool = ChatRequest.builder().user("q").sampling(Sampling.builder().temperature(0.3).build()).build();
        SelfConsistency.builder(model).samples(1).build().vote(cool);
        SelfConsistency.builder(model).samples(1).temperature(null).build().vote(ChatRequest.of("q"));

        assertThat(model.chatRequests()).extracting(r -> r.sampling().temperature()).containsExactly(0.3, null);
    }

    @Test
    void onAnExecutorTheVoteIsTheSameAsInSequence() throws Exception {
        List<String> bySeed = List.of("7", "eight", "7", "eight", "eight", "7", "9");
        ScriptedByRequestChatModel scripted = new ScriptedByRequestChatModel("m",
                r -> bySeed.get((int) (r.sampling().seed() - 10)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ConsistentAnswer concurrent = SelfConsistency.builder(scripted).samples(7).executor(pool).build().vote(seeded(10));
            ConsistentAnswer sequential = SelfConsistency.builder(scripted).samples(7).build().vote(seeded(10));

            assertThat(concurrent).isEqualTo(sequential);
            assertThat(concurrent.answer()).isEqualTo("7");
            assertThat(concurrent.tally()).containsExactly(Map.entry("7", 3), Map.entry("eight", 3), Map.entry("9", 1));
            assertThat(concurrent.samples()).extracting(ChatResponse::text).containsExactlyElementsOf(bySeed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstFailureInSampleOrderIsThrown() {
        ModelUnavailableException down = new ModelUnavailableException("down");
        ScriptedByRequestChatModel scripted = new ScriptedByRequestChatModel("m", r -> {
            if (r.sampling().seed() == 1) {
                throw down;
            }
            return "ok";
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThatThrownBy(() -> SelfConsistency.builder(scripted).samples(3).executor(pool).build().vote(seeded(0)))
                    .isSameAs(down);
        } finally {
            pool.shutdownNow();
        }
        model.thenAnswer("x").thenThrow(down);
        assertThatThrownBy(() -> SelfConsistency.builder(model).samples(3).build().vote(ChatRequest.of("q"))).isSameAs(down);
        assertThat(model.chatRequests()).hasSize(2);
    }

    @Test
    void asAChatModelItAnswersWithTheWinnerAndStreamsIt() {
        model.thenAnswer("yes").thenAnswer("no").thenAnswer("Yes.");
        model.thenAnswer("no").thenAnswer("no").thenAnswer("yes");
        SelfConsistency voter = SelfConsistency.builder(model).samples(3).build();

        ChatResponse r = voter.chat(ChatRequest.of("q"));
        assertThat(r.text()).isEqualTo("yes");
        assertThat(r.usage()).isEqualTo(new TokenUsage(9, 6));
        try (ChatStream s = voter.stream(ChatRequest.of("q"))) {
            assertThat(s.response().text()).isEqualTo("no");
        }
        assertThat(voter.info()).isEqualTo(model.info());
        voter.close();
        assertThat(model.closeCount()).isOne();
    }

    @Test
    void buildNamesBadOptions() {
        assertThatThrownBy(() -> SelfConsistency.builder(model).samples(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("samples must be >= 1, was 0");
        assertThatThrownBy(() -> SelfConsistency.builder(model).temperature(-1.0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("temperature must be >= 0, was -1.0");
        assertThatThrownBy(() -> SelfConsistency.builder(model).extractor(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("extractor");
        assertThatThrownBy(() -> SelfConsistency.builder(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model");
    }
}
