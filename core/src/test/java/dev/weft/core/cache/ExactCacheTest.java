package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ExactCache} on {@code chat} calls: what it answers, what it stores, and what it counts. */
class ExactCacheTest {
    private final ScriptedChatModel model = ScriptedChatModel.named("m");
    private final ExactCache cache = ExactCache.builder().build();
    private final ChatModel cached = ChatPipeline.over(model).with(cache).build();

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheMarkedAsCached() {
        ChatResponse original = Answers.text("Paris.", model.info());
        model.thenAnswer(original);

        assertThat(cached.chat(ChatRequest.of("Capital of France?"))).isEqualTo(original);
        ChatResponse hit = cached.chat(ChatRequest.of("Capital of France?"));

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(hit.message()).isEqualTo(original.message());
        assertThat(hit.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(hit.model()).isEqualTo(original.model());
        assertThat(hit.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(hit.timings()).isEqualTo(Timings.ZERO);
        assertThat(cache.metrics()).isEqualTo(new ExactCacheMetrics(1, 1, 1, 0, 1, Answers.USAGE, 0));
        assertThat(cache.metrics().hitRate()).isEqualTo(0.5);
    }

    @Test
    void aDifferentRequestMisses() {
        cached.chat(ChatRequest.of("Capital of France?"));
        cached.chat(ChatRequest.of("Capital of Spain?"));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics().hits()).isZero();
    }

    @Test
    void toolCallAnswersAreCachedAndReplayedWhole() {
        ChatResponse original = Answers.toolCall(FinishReason.TOOL_CALLS, model.info());
        model.thenAnswer(original);

        cached.chat(ChatRequest.of("Weather in Paris?"));
        ChatResponse hit = cached.chat(ChatRequest.of("Weather in Paris?"));

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(hit.message().toolCalls()).isEqualTo(original.message().toolCalls());
        assertThat(hit.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @ParameterizedTest
    @EnumSource(value = FinishReason.class, names = {"LENGTH", "CONTENT_FILTER", "CANCELLED", "OTHER"})
    void answersThatDidNotFinishCleanlyAreNotStored(FinishReason reason) {
        ChatResponse unfinished = Answers.finishing("Par", reason, model.info());
        model.thenAnswer(unfinished).thenAnswer(unfinished);

        cached.chat(ChatRequest.of("Capital of France?"));
        cached.chat(ChatRequest.of("Capital of France?"));

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics().stores()).isZero();
    }

    @Test
    void failuresAreNotStoredAndTheNextCallReachesTheModel() {
        model.thenThrow(new ModelUnavailableException("503 from upstream")).thenAnswer("Paris.");

        assertThat(catchThrowable(() -> cached.chat(ChatRequest.of("Capital of France?"))))
                .isInstanceOf(ModelUnavailableException.class);
        assertThat(cached.chat(ChatRequest.of("Capital of France?")).text()).isEqualTo("Paris.");
        assertThat(cached.chat(ChatRequest.of("Capital of France?")).text()).isEqualTo("Paris.");

        assertThat(model.chatRequests()).hasSize(2);
        assertThat(cache.metrics()).isEqualTo(new ExactCacheMetrics(1, 2, 1, 0, 1, new TokenUsage(3, 2), 0));
    }

    @Test
    void tenantsNeverShareEntries() {
        model.thenAnswer("for acme").thenAnswer("for globex").thenAnswer("for nobody");

        assertThat(cached.chat(forTenant("acme")).text()).isEqualTo("for acme");
        assertThat(cached.chat(forTenant("globex")).text()).isEqualTo("for globex");
        assertThat(cached.chat(forTenant(null)).text()).isEqualTo("for nobody");
        assertThat(cached.chat(forTenant("acme")).text()).isEqualTo("for acme");
        assertThat(cached.chat(forTenant("globex")).text()).isEqualTo("for globex");
        assertThat(cached.chat(forTenant(null)).text()).isEqualTo("for nobody");

        assertThat(model.chatRequests()).hasSize(3);
    }

    @Test
    void usersFeaturesAndAttributesOfOneTenantShareEntries() {
        cached.chat(ChatRequest.builder().user("q").context(RequestContext.builder().tenantId("acme").userId("u1")
                .feature("search").attribute(RequestContext.PROMPT_VERSION, "3").build()).build());
        cached.chat(ChatRequest.builder().user("q").context(RequestContext.builder().tenantId("acme").userId("u2")
                .feature("chat").conversationId("c9").build()).build());

        assertThat(model.chatRequests()).hasSize(1);
    }

    @Test
    void pipelinesOverDifferentModelsDoNotShareEntries() {
        ScriptedChatModel other = ScriptedChatModel.named("other");
        ChatModel otherCached = ChatPipeline.over(other).with(cache).build();

        cached.chat(ChatRequest.of("q"));
        otherCached.chat(ChatRequest.of("q"));

        assertThat(model.chatRequests()).hasSize(1);
        assertThat(other.chatRequests()).hasSize(1);
    }

    @Test
    void storeIfReplacesTheDefaultRule() {
        ExactCache onlyText = ExactCache.builder().storeIf(r -> !r.message().hasToolCalls()).build();
        ChatModel pipeline = ChatPipeline.over(model).with(onlyText).build();
        model.thenAnswer(Answers.toolCall(FinishReason.TOOL_CALLS, model.info()));

        pipeline.chat(ChatRequest.of("Weather in Paris?"));
        pipeline.chat(ChatRequest.of("Weather in Paris?"));

        assertThat(model.chatRequests()).hasSize(2);
    }

    @Test
    void aThrowingStoreRuleLosesTheEntryNotTheAnswer() {
        ExactCache broken = ExactCache.builder().storeIf(r -> {
            throw new IllegalStateException("bug in the rule");
        }).build();

        assertThat(ChatPipeline.over(model).with(broken).build().chat(ChatRequest.of("q")).text()).isEqualTo("echo: q");
        assertThat(broken.metrics().stores()).isZero();
    }

    @Test
    void lookupReadsWithoutCallingAModelOrCounting() {
        cached.chat(ChatRequest.of("q"));

        assertThat(cache.lookup(ChatRequest.of("q"), model.info())).hasValueSatisfying(r -> {
            assertThat(r.text()).isEqualTo("echo: q");
            assertThat(r.timings()).isEqualTo(Timings.ZERO);
        });
        assertThat(cache.lookup(ChatRequest.of("other"), model.info())).isEmpty();
        assertThat(cache.metrics().hits()).isZero();
    }

    @Test
    void invalidateTenantDropsOnlyThatTenantsEntries() {
        cached.chat(forTenant("acme"));
        cached.chat(forTenant("globex"));
        cached.chat(forTenant(null));

        cache.invalidateTenant("acme");
        cached.chat(forTenant("acme"));
        cached.chat(forTenant("globex"));
        cached.chat(forTenant(null));

        assertThat(model.chatRequests()).hasSize(4);

        cache.invalidateAll();
        assertThat(cache.metrics().entries()).isZero();
    }

    private static ChatRequest forTenant(String tenant) {
        return ChatRequest.builder().user("What is our refund policy?")
                .context(RequestContext.builder().tenantId(tenant).userId("u").build()).build();
    }
}
