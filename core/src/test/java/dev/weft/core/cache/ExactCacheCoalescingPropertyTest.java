package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coalescing over generated waves of concurrent calls, every one of which succeeds. A wave is a mix of requests over a
 * few texts and tenants, submitted in a generated order; its model calls are held until every caller is either at the
 * model or waiting for an identical call, then let through text by text in a generated order. For each wave:
 *
 * <ul>
 *   <li>the model is called once per distinct key (text and tenant) the cache did not hold before the wave;</li>
 *   <li>each such key has exactly one caller answered by the model (its leader), and every other caller of the key, in
 *       this wave or a later one, gets the leader's answer, marked as a cache hit;</li>
 *   <li>callers of keys held before the wave get the stored answer.</li>
 * </ul>
 *
 * At the end the cache counts one miss per key, and as coalesced every caller that waited. The case's seed is in its name.
 */
class ExactCacheCoalescingPropertyTest {
    private static final List<String> TEXTS = List.of("Capital of France?", "Capital of Spain?", "Boiling point of water?");
    private static final List<String> TENANTS = Arrays.asList(null, "acme", "globex");

    record Key(String text, String tenant) {
        ChatRequest request() {
            return ChatRequest.builder().user(text).context(RequestContext.builder().tenantId(tenant).build()).build();
        }
    }

    /** One wave: its callers' keys in submission order, and the order in which the texts' model calls are let through. */
    record Wave(List<Key> callers, List<String> releaseOrder) {}

    record Scenario(List<Wave> waves) {
        @Override
        public String toString() {
            return waves.stream().map(w -> Integer.toString(w.callers().size())).toList() + " callers per wave";
        }
    }

    static Scenario generate(Random r) {
        List<Wave> waves = new ArrayList<>();
        int n = r.intRange(1, 4);
        for (int w = 0; w < n; w++) {
            List<Key> callers = new ArrayList<>();
            int size = r.intRange(1, 12);
            for (int i = 0; i < size; i++) {
                callers.add(new Key(r.oneOf(TEXTS), TENANTS.get(r.intRange(0, TENANTS.size() - 1))));
            }
            List<String> order = new ArrayList<>(TEXTS);
            for (int i = order.size() - 1; i > 0; i--) { // Fisher–Yates with the case's random source
                Collections.swap(order, i, r.intRange(0, i));
            }
            waves.add(new Wave(callers, order));
        }
        return new Scenario(waves);
    }

    static Stream<Arguments> scenarios() {
        return Generated.cases(30, ExactCacheCoalescingPropertyTest::generate);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void identicalMissesInAWaveCostOneModelCallPerKeyAndAllGetTheLeadersAnswer(Scenario scenario) throws Exception {
        GatedScriptedChatModel model = new GatedScriptedChatModel();
        Semaphore following = new Semaphore(0);
        ExactCache cache = ExactCache.builder().beforeFollowing(following::release).build();
        ChatModel cached = ChatPipeline.over(model).with(cache).build();
        Map<Key, String> answered = new HashMap<>(); // the leader's answer of every key stored so far
        long expectedMisses = 0;
        long expectedCoalesced = 0;

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < scenario.waves().size(); w++) {
                Wave wave = scenario.waves().get(w);
                String at = scenario + ", wave " + w;
                Set<Key> fresh = new LinkedHashSet<>(wave.callers());
                fresh.removeAll(answered.keySet());
                long waiting = wave.callers().stream().filter(fresh::contains).count() - fresh.size();
                int callsBefore = model.calls();

                List<Future<ChatResponse>> futures = new ArrayList<>();
                for (Key key : wave.callers()) {
                    futures.add(callers.submit(() -> cached.chat(key.request())));
                }
                model.awaitEntered(fresh.size()); // one leader per fresh key is at the model ...
                assertThat(following.tryAcquire((int) waiting, 1, TimeUnit.MINUTES)) // a bound against hanging, not a timing
                        .as("%s: every other caller of a fresh key waits for its leader", at).isTrue();
                for (String text : wave.releaseOrder()) {
                    model.let(text, (int) fresh.stream().filter(k -> k.text().equals(text)).count());
                }

                Map<Key, List<ChatResponse>> byKey = new HashMap<>();
                for (int i = 0; i < futures.size(); i++) {
                    byKey.computeIfAbsent(wave.callers().get(i), k -> new ArrayList<>()).add(futures.get(i).get());
                }
                assertThat(model.calls() - callsBefore).as("%s: one model call per fresh key %s", at, fresh).isEqualTo(fresh.size());
                Set<String> leaderAnswers = new HashSet<>();
                for (Map.Entry<Key, List<ChatResponse>> e : byKey.entrySet()) {
                    Key key = e.getKey();
                    List<ChatResponse> responses = e.getValue();
                    List<ChatResponse> fromModel = responses.stream().filter(r -> !r.fromCache()).toList();
                    if (fresh.contains(key)) {
                        assertThat(fromModel).as("%s: %s has one leader", at, key).hasSize(1);
                        answered.put(key, fromModel.getFirst().text());
                        assertThat(leaderAnswers.add(fromModel.getFirst().text())).as("%s: %s shares no other key's call", at, key).isTrue();
                    } else {
                        assertThat(fromModel).as("%s: %s was stored before the wave", at, key).isEmpty();
                    }
                    assertThat(responses).as("%s: every caller of %s gets the leader's answer", at, key)
                            .allSatisfy(r -> assertThat(r.text()).isEqualTo(answered.get(key)));
                }
                expectedMisses += fresh.size();
                expectedCoalesced += waiting;
            }
        }

        ExactCacheMetrics m = cache.metrics();
        long calls = scenario.waves().stream().mapToLong(w -> w.callers().size()).sum();
        assertThat(m.misses()).as("%s: misses", scenario).isEqualTo(expectedMisses);
        assertThat(m.coalesced()).as("%s: coalesced", scenario).isEqualTo(expectedCoalesced);
        assertThat(m.hits()).as("%s: hits", scenario).isEqualTo(calls - expectedMisses);
        assertThat(m.stores()).as("%s: stores", scenario).isEqualTo(expectedMisses);
    }
}
