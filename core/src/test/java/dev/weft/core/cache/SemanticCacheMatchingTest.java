package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Sampling;
import dev.weft.core.chat.Timings;
import dev.weft.core.chat.ToolCall;
import dev.weft.core.chat.ToolResultMessage;
import dev.weft.core.chat.ToolSpec;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SemanticCache} lookups: paraphrases of the final user turn hit, other questions and other contexts miss,
 * the threshold is inclusive. Embeddings come from {@link BagOfWordsEmbeddingModel}, a test double (see there).
 */
class SemanticCacheMatchingTest {
    private static final String QUESTION = "what is the capital of France";

    private final BagOfWordsEmbeddingModel embedder = new BagOfWordsEmbeddingModel();
    private final ScriptedChatModel model = ScriptedChatModel.named("m");
    private final SemanticCache cache = SemanticCache.builder(embedder).threshold(0.9).build(); // the stand-in embedder scores "one more word" at 0.93
    private final ChatModel cached = ChatPipeline.over(model).with(cache).build();

    @Test
    void aParaphraseIsAnsweredFromTheCacheMarkedAsCached() {
        ChatResponse original = Answers.text("Paris.", model.info());
        model.thenAnswer(original);

        assertThat(cached.chat(ChatRequest.of(QUESTION))).isEqualTo(original);
        ChatResponse sameWords = cached.chat(ChatRequest.of("the capital of France is what"));
        ChatResponse oneMoreWord = cached.chat(ChatRequest.of("what is the capital city of France"));

        assertThat(model.chatRequests()).hasSize(1);
        for (ChatResponse hit : List.of(sameWords, oneMoreWord)) {
            assertThat(hit.message()).isEqualTo(original.message());
            assertThat(hit.usage()).isEqualTo(TokenUsage.ZERO);
            assertThat(hit.timings()).isEqualTo(Timings.ZERO);
        }
        assertThat(cache.metrics()).isEqualTo(new SemanticCacheMetrics(2, 1, 0, 0, 1, 0, 0, 1,
                Answers.USAGE.plus(Answers.USAGE)));
    }

    @Test
    void anotherQuestionMisses() {
        cached.chat(ChatRequest.of(QUESTION));
        ChatResponse answer = cached.chat(ChatRequest.of("how tall is mount Everest"));

        assertThat(answer.text()).isEqualTo("echo: how tall is mount Everest");
        assertThat(cache.metrics().misses()).isEqualTo(2);
        assertThat(cache.metrics().stores()).isEqualTo(2);
    }

    @Test
    void theFinalTurnIsNormalisedBeforeItIsEmbedded() {
        cached.chat(ChatRequest.of(QUESTION));
        cached.chat(ChatRequest.of("  what\tis the\u00A0capital \u3000 of\n\nＦｒａｎｃｅ  "));

        assertThat(embedder.texts()).containsExactly(QUESTION, QUESTION);
        assertThat(model.chatRequests()).hasSize(1);
    }

    @Test
    void caseIsKeptUnlessLowerCasingIsAskedFor() {
        cached.chat(ChatRequest.of(QUESTION));
        cached.chat(ChatRequest.of("WHAT IS THE CAPITAL OF FRANCE"));
        assertThat(model.chatRequests()).hasSize(2);

        BagOfWordsEmbeddingModel lowerEmbedder = new BagOfWordsEmbeddingModel();
        ChatModel lowerCased = ChatPipeline.over(model).with(SemanticCache.builder(lowerEmbedder).lowerCase(true).build()).build();
        lowerCased.chat(ChatRequest.of(QUESTION));
        lowerCased.chat(ChatRequest.of("WHAT IS THE CAPITAL OF FRANCE"));
        assertThat(model.chatRequests()).hasSize(3);
        assertThat(lowerEmbedder.texts()).containsExactly("what is the capital of france", "what is the capital of france");
    }

    static Stream<Arguments> otherContexts() {
        return Stream.of(
                context("another system prompt", r -> r.toBuilder().system("Answer in French.").build()),
                context("an earlier turn", r -> ChatRequest.builder().user("hi").assistant("Hello!").messages(r.messages()).build()),
                context("a tool", r -> r.toBuilder().tool(ToolSpec.of("search", "Web search", "{\"type\":\"object\"}")).build()),
                context("a response format", r -> r.toBuilder().responseFormat(ResponseFormat.JSON).build()),
                context("sampling", r -> r.withSampling(Sampling.builder().temperature(0.7).build())),
                context("another tenant", r -> r.withContext(RequestContext.builder().tenantId("globex").build())),
                context("no tenant", r -> r.withContext(RequestContext.EMPTY)));
    }

    private static Arguments context(String name, UnaryOperator<ChatRequest> change) {
        return Arguments.argumentSet(name, change);
    }

    @ParameterizedTest
    @MethodSource("otherContexts")
    void theSameQuestionInAnotherContextMisses(UnaryOperator<ChatRequest> change) {
        ChatRequest base = ChatRequest.builder().system("You are terse.").user(QUESTION)
                .context(RequestContext.builder().tenantId("acme").build()).build();

        cached.chat(base);
        cached.chat(change.apply(base));

        assertThat(model.chatRequests()).hasSize(2);
    }

    @Test
    void theSameQuestionForAnotherUserOfTheTenantHits() {
        cached.chat(ChatRequest.builder().user(QUESTION).context(RequestContext.builder().tenantId("acme").userId("u1").build()).build());
        cached.chat(ChatRequest.builder().user(QUESTION).context(RequestContext.builder().tenantId("acme").userId("u2").feature("f").build()).build());

        assertThat(model.chatRequests()).hasSize(1);
    }

    @Test
    void theSameQuestionToAnotherModelMisses() {
        ScriptedChatModel other = ScriptedChatModel.named("other");
        cached.chat(ChatRequest.of(QUESTION));
        ChatPipeline.over(other).with(cache).build().chat(ChatRequest.of(QUESTION));

        assertThat(other.chatRequests()).hasSize(1);
    }

    @Test
    void aMatchExactlyAtTheThresholdHitsAndOneJustBelowItMisses() {
        // Measure the similarity of two partly overlapping questions, then put the threshold on it and one float above.
        String stored = "what is the capital of Spain";
        ChatRequest probe = ChatRequest.of("what is the biggest city of Spain");
        SemanticCache measuring = SemanticCache.builder(embedder).threshold(0.01).build();
        ChatPipeline.over(model).with(measuring).build().chat(ChatRequest.of(stored));
        float similarity = measuring.lookup(probe, model.info()).orElseThrow().similarity();
        assertThat(similarity).isBetween(0.5f, 0.9f);

        SemanticCache atThreshold = SemanticCache.builder(embedder).threshold(similarity).build();
        SemanticCache justAbove = SemanticCache.builder(embedder).threshold(Math.nextUp(similarity)).build();
        for (SemanticCache c : List.of(atThreshold, justAbove)) {
            ChatPipeline.over(model).with(c).build().chat(ChatRequest.of(stored));
        }

        assertThat(atThreshold.lookup(probe, model.info())).hasValueSatisfying(m -> assertThat(m.similarity()).isEqualTo(similarity));
        assertThat(justAbove.lookup(probe, model.info())).isEmpty();
    }

    @Test
    void eachRequestIsEmbeddedOnceWhetherItHitsOrMissesAndIsStored() {
        cached.chat(ChatRequest.of(QUESTION));
        assertThat(embedder.calls()).isOne();

        cached.chat(ChatRequest.of(QUESTION));
        assertThat(embedder.calls()).isEqualTo(2);
    }

    @Test
    void aConversationThatDoesNotEndWithAUserTurnIsPassedOn() {
        ToolCall call = new ToolCall("call-1", "get_weather", "{\"city\":\"Paris\"}");
        ChatRequest afterTool = ChatRequest.builder().user("Weather in Paris?")
                .message(new AssistantMessage("", List.of(call)))
                .message(ToolResultMessage.of(call, "{\"celsius\":21}"))
                .build();

        cached.chat(afterTool);
        cached.chat(afterTool);

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(embedder.calls()).isZero();
        assertThat(cache.metrics().skipped()).isEqualTo(2);
    }

    @Test
    void aFinalTurnWithoutWordsIsPassedOn() {
        cached.chat(ChatRequest.of(" \t\u00A0"));
        cached.chat(ChatRequest.of("?!"));
        cached.chat(ChatRequest.of("?!"));

        assertThat(model.chatRequests()).hasSize(3);
        assertThat(embedder.texts()).containsExactly("?!", "?!"); // blank text is not embedded; "?!" embeds to zeros
        assertThat(cache.metrics().skipped()).isEqualTo(3);
    }

    @Test
    void lookupFindsAMatchWithoutCallingAChatModelOrCounting() {
        cached.chat(ChatRequest.of(QUESTION));

        assertThat(cache.lookup(ChatRequest.of("the capital of France is what"), model.info())).hasValueSatisfying(m -> {
            assertThat(m.response().text()).isEqualTo("echo: " + QUESTION);
            assertThat(m.similarity()).isGreaterThanOrEqualTo(0.9999f);
        });
        assertThat(cache.lookup(ChatRequest.of("how tall is mount Everest"), model.info())).isEmpty();
        assertThat(model.chatRequests()).hasSize(1);
        assertThat(cache.metrics().hits()).isZero();
    }
}
