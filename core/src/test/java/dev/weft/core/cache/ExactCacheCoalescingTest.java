package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.CacheHit;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Timings;
import dev.weft.core.cost.Budgets;
import dev.weft.core.cost.CostLedger;
import dev.weft.core.cost.PriceTable;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.resilience.Timeout;
import dev.weft.core.testing.ScriptedChatModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactCache} coalescing identical {@code chat} misses in flight. Every test holds the leader inside the model
 * ({@link GatedScriptedChatModel}) until the followers are known to be waiting (the cache's {@code beforeFollowing}
 * hook releases {@link #following}), then lets it through: the interleaving is fixed, nothing sleeps.
 */
class ExactCacheCoalescingTest {
    private static final String Q = "Capital of France?";

    private final GatedScriptedChatModel model = new GatedScriptedChatModel();
    private final Semaphore following = new Semaphore(0);
    private final ExactCache cache = ExactCache.builder().beforeFollowing(following::release).build();
    private final ChatModel cached = ChatPipeline.over(model).with(cache).build();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void identicalMissesInFlightShareOneModelCallAndAreServedAsHits() throws Exception {
        Future<ChatResponse> leader = call(cached, ChatRequest.of(Q));
        model.awaitEntered(1);
        List<Future<ChatResponse>> followers = calls(cached, ChatRequest.of(Q), 3);
        following.acquire(3);

        model.open(Q);

        ChatResponse original = leader.get();
        assertThat(original.text()).isEqualTo("#1 " + Q);
        assertThat(original.usage()).isEqualTo(Answers.USAGE);
        assertThat(original.fromCache()).isFalse();
        for (Future<ChatResponse> f : followers) {
            ChatResponse shared = f.get();
            assertThat(shared.message()).isEqualTo(original.message());
            assertThat(shared.finishReason()).isEqualTo(original.finishReason());
            assertThat(shared.model()).isEqualTo(original.model());
            assertThat(shared.usage()).isEqualTo(TokenUsage.ZERO);
            assertThat(shared.timings()).isEqualTo(Timings.ZERO);
            assertThat(shared.cacheHit()).isEqualTo(CacheHit.coalesced(Answers.USAGE));
        }
        assertThat(model.calls()).isOne();
        assertThat(cache.metrics()).isEqualTo(new ExactCacheMetrics(3, 1, 1, 0, 1,
                new TokenUsage(3 * Answers.USAGE.inputTokens(), 3 * Answers.USAGE.outputTokens()), 3));
    }

    @Test
    void aFailedLeaderFailsAloneAndEachFollowerCallsTheModelItself() throws Exception {
        model.failNext(Q, new ModelUnavailableException("503 from upstream"));
        Future<ChatResponse> leader = call(cached, ChatRequest.of(Q));
        model.awaitEntered(1);
        List<Future<ChatResponse>> followers = calls(cached, ChatRequest.of(Q), 3);
        following.acquire(3);

        model.let(Q, 1);

        assertThatThrownBy(leader::get).hasCauseInstanceOf(ModelUnavailableException.class);
        model.awaitEntered(3); // each follower made a call of its own
        model.open(Q);
        List<String> answers = new ArrayList<>();
        for (Future<ChatResponse> f : followers) {
            ChatResponse own = f.get();
            assertThat(own.fromCache()).as("a follower's own call, not a shared failure").isFalse();
            answers.add(own.text());
        }
        assertThat(model.calls()).isEqualTo(4);
        assertThat(answers).doesNotHaveDuplicates().allMatch(a -> a.endsWith(Q));
        assertThat(cache.metrics().coalesced()).isZero();
        assertThat(cache.metrics().misses()).isEqualTo(4);
    }

    @Test
    void anAnswerThatMayNotBeStoredIsNotHandedToFollowers() throws Exception {
        model.finishNext(Q, FinishReason.LENGTH);
        Future<ChatResponse> leader = call(cached, ChatRequest.of(Q));
        model.awaitEntered(1);
        List<Future<ChatResponse>> followers = calls(cached, ChatRequest.of(Q), 2);
        following.acquire(2);

        model.let(Q, 1);

        assertThat(leader.get().finishReason()).isEqualTo(FinishReason.LENGTH);
        model.awaitEntered(2);
        model.open(Q);
        for (Future<ChatResponse> f : followers) {
            assertThat(f.get().fromCache()).isFalse();
            assertThat(f.get().finishReason()).isEqualTo(FinishReason.STOP);
        }
        assertThat(model.calls()).isEqualTo(3);
        assertThat(cache.metrics().coalesced()).isZero();
    }

    @Test
    void tenantsNeverShareAFlight() throws Exception {
        Future<ChatResponse> acme = call(cached, forTenant("acme"));
        Future<ChatResponse> globex = call(cached, forTenant("globex"));
        Future<ChatResponse> none = call(cached, ChatRequest.of(Q));
        model.awaitEntered(3);

        model.open(Q);

        assertThat(List.of(acme.get(), globex.get(), none.get())).noneMatch(ChatResponse::fromCache)
                .extracting(ChatResponse::text).doesNotHaveDuplicates();
        assertThat(cache.metrics().coalesced()).isZero();
    }

    @Test
    void anInterruptedFollowerFailsAloneAndTheFlightGoesOn() throws Exception {
        Future<ChatResponse> leader = call(cached, ChatRequest.of(Q));
        model.awaitEntered(1);
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                cached.chat(ChatRequest.of(Q));
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
                interruptKept.complete(Thread.currentThread().isInterrupted());
            }
        });
        following.acquire(1);

        follower.interrupt();

        assertThat(failure.get()).isInstanceOf(WeftException.class).hasMessageContaining("already in flight");
        assertThat(interruptKept.get()).isTrue();
        model.open(Q);
        assertThat(leader.get().text()).isEqualTo("#1 " + Q);
        assertThat(cached.chat(ChatRequest.of(Q)).fromCache()).as("the leader's answer was stored").isTrue();
        assertThat(model.calls()).isOne();
    }

    @Test
    void aFollowerKeepsItsOwnDeadlineWhenATimeoutSitsOutside() throws Exception {
        ChatModel timed = ChatPipeline.over(model).with(Timeout.of(Duration.ofMillis(50))).with(cache).build();
        Future<ChatResponse> leader = call(cached, ChatRequest.of(Q)); // no deadline
        model.awaitEntered(1);

        assertThatThrownBy(() -> timed.chat(ChatRequest.of(Q))).isInstanceOf(ModelTimeoutException.class);

        model.open(Q);
        assertThat(leader.get().text()).isEqualTo("#1 " + Q);
        assertThat(model.calls()).as("the follower never called the model").isOne();
    }

    @Test
    void aBudgetOutsideTheCacheChargesOnlyTheLeader() throws Exception {
        Pricing unit = Pricing.perMillion("1000000", "2000000", "USD");
        CostLedger ledger = CostLedger.inMemory();
        Budgets budgets = Budgets.builder().ledger(ledger).priceTable(PriceTable.builder().price(model.info().id(), unit).build())
                .build();
        ChatModel governed = ChatPipeline.over(model).with(budgets).with(cache).build();
        Future<ChatResponse> leader = call(governed, ChatRequest.of(Q));
        model.awaitEntered(1);
        List<Future<ChatResponse>> followers = calls(governed, ChatRequest.of(Q), 3);
        following.acquire(3);

        model.open(Q);
        leader.get();
        for (Future<ChatResponse> f : followers) {
            f.get();
        }

        BigDecimal oneCall = unit.cost(Answers.USAGE);
        assertThat(ledger.globalTotal().spent()).isEqualByComparingTo(oneCall);
        assertThat(ledger.globalTotal().reserved()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ledger.globalTotal().inputTokens()).isEqualTo(Answers.USAGE.inputTokens());
    }

    @Test
    void withoutCoalescingEveryIdenticalMissCallsTheModel() throws Exception {
        ExactCache plain = ExactCache.builder().coalesce(false).build();
        ChatModel pipeline = ChatPipeline.over(model).with(plain).build();

        List<Future<ChatResponse>> all = calls(pipeline, ChatRequest.of(Q), 3);
        model.awaitEntered(3);
        model.open(Q);
        for (Future<ChatResponse> f : all) {
            assertThat(f.get().fromCache()).isFalse();
        }

        assertThat(plain.coalesces()).isFalse();
        assertThat(cache.coalesces()).isTrue();
        assertThat(plain.metrics().misses()).isEqualTo(3);
        assertThat(plain.metrics().coalesced()).isZero();
    }

    @Test
    void aStreamDoesNotWaitForAChatInFlight() throws Exception {
        Future<ChatResponse> leader = call(cached, ChatRequest.of(Q));
        model.awaitEntered(1);

        try (ChatStream stream = cached.stream(ChatRequest.of(Q))) {
            assertThat(stream.forEachDelta(d -> {}).text()).isEqualTo("streamed " + Q);
        }

        model.open(Q);
        assertThat(leader.get().fromCache()).isFalse();
        assertThat(model.calls()).isEqualTo(2);
    }

    @Test
    void aModelThatReentersItsPipelineWithTheSameRequestIsNotMadeToWaitForItself() {
        List<ChatModel> self = new ArrayList<>();
        ScriptedChatModel inner = ScriptedChatModel.named("inner");
        ChatModel reentrant = new ChatModel() {
            private boolean entered;

            @Override
            public ModelInfo info() {
                return inner.info();
            }

            @Override
            public synchronized ChatResponse chat(ChatRequest request) {
                if (!entered) {
                    entered = true;
                    return self.getFirst().chat(request); // the same key, on the leader's own thread
                }
                return inner.chat(request);
            }

            @Override
            public ChatStream stream(ChatRequest request) {
                return inner.stream(request);
            }
        };
        ExactCache reentered = ExactCache.builder().build();
        self.add(ChatPipeline.over(reentrant).with(reentered).build());

        assertThat(self.getFirst().chat(ChatRequest.of(Q)).text()).isEqualTo("echo: " + Q);
        assertThat(inner.chatRequests()).hasSize(1);
        assertThat(reentered.metrics().misses()).isEqualTo(2);
    }

    private Future<ChatResponse> call(ChatModel pipeline, ChatRequest request) {
        return callers.submit(() -> pipeline.chat(request));
    }

    private List<Future<ChatResponse>> calls(ChatModel pipeline, ChatRequest request, int n) {
        List<Future<ChatResponse>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(call(pipeline, request));
        }
        return futures;
    }

    private static ChatRequest forTenant(String tenant) {
        return ChatRequest.builder().user(Q).context(RequestContext.builder().tenantId(tenant).build()).build();
    }
}
