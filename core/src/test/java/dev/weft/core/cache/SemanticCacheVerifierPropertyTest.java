package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lookup rule with a verifier, on generated questions: a call is answered by the most similar entry at or
 * above the threshold that the verifier accepts, and is a miss when there is none; candidates are offered
 * nearest first, never below the threshold, and every rejection is counted. At most {@link SemanticCache#CANDIDATES}
 * entries are stored, so every entry is a candidate and the rule can be checked exactly against brute force over
 * {@link BagOfWordsEmbeddingModel} vectors. The verifier's verdicts are a seeded function of the two texts.
 */
class SemanticCacheVerifierPropertyTest {
    private static final List<String> WORDS = List.of("what", "is", "the", "capital", "of", "France", "Spain", "city",
            "biggest", "how", "old", "river");
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> seeds() {
        return LongStream.range(0, 60).mapToObj(i -> 0x5eedL * 31 + i).map(seed -> Arguments.argumentSet("seed=" + seed, seed));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theNearestAcceptedCandidateAtOrAboveTheThresholdAnswers(long seed) {
        Random random = new Random(seed);
        BagOfWordsEmbeddingModel embedder = new BagOfWordsEmbeddingModel();
        double threshold = 0.5 + 0.45 * random.nextDouble();
        AtomicBoolean storing = new AtomicBoolean(true);
        List<HitVerifier.Candidate> offered = new CopyOnWriteArrayList<>();
        int salt = random.nextInt();
        HitVerifier verifier = c -> {
            offered.add(c);
            return !storing.get() && accepts(salt, c.query(), c.cached());
        };
        SemanticCache cache = SemanticCache.builder(embedder).threshold(threshold).verifier(verifier).build();
        ScriptedChatModel model = ScriptedChatModel.named("m");
        ChatModel cached = ChatPipeline.over(model).with(cache).build();

        List<String> stored = new ArrayList<>();
        int entries = 1 + random.nextInt(SemanticCache.CANDIDATES);
        for (int i = 0; i < entries; i++) {
            String q = question(random);
            stored.add(q);
            cached.chat(ChatRequest.of(q)); // the verifier rejects everything while storing: each is a miss, stored
        }
        storing.set(false);
        String context = "seed=" + seed + " threshold=" + threshold + " stored=" + stored;
        assertThat(cache.metrics().stores()).as(context).isEqualTo(entries);

        for (int probe = 0; probe < 8; probe++) {
            String query = question(random);
            offered.clear();
            var match = cache.lookup(ChatRequest.of(query), model.info()); // looks up as a call does, stores nothing
            String where = context + " query=" + query;

            for (int i = 1; i < offered.size(); i++) {
                assertThat(offered.get(i).similarity()).as(where).isLessThanOrEqualTo(offered.get(i - 1).similarity());
            }
            assertThat(offered).as(where).allSatisfy(c -> assertThat(c.similarity()).isGreaterThanOrEqualTo((float) threshold));
            double bestAccepted = -2;
            for (String s : stored) {
                double sim = cosine(embedder, query, s);
                if (sim >= threshold + TOLERANCE && accepts(salt, query, s)) {
                    bestAccepted = Math.max(bestAccepted, sim);
                }
            }
            if (match.isEmpty()) {
                assertThat(bestAccepted).as(where + ": a miss, yet an accepted entry was above the threshold").isEqualTo(-2);
            } else {
                String entry = match.get().response().text().substring("echo: ".length());
                assertThat(stored).as(where).contains(entry);
                double sim = cosine(embedder, query, entry);
                assertThat(sim).as(where).isGreaterThanOrEqualTo(threshold - TOLERANCE);
                assertThat(accepts(salt, query, entry)).as(where).isTrue();
                assertThat(sim).as(where + ": a nearer accepted entry was passed over").isGreaterThanOrEqualTo(bestAccepted - TOLERANCE);
            }
        }

        // A counted call: every candidate offered and not taken is one rejection.
        String query = question(random);
        offered.clear();
        long before = cache.metrics().verifierRejections();
        long hitsBefore = cache.metrics().hits();
        cached.chat(ChatRequest.of(query));
        long taken = cache.metrics().hits() - hitsBefore;
        assertThat(cache.metrics().verifierRejections() - before).as(context + " query=" + query).isEqualTo(offered.size() - taken);
    }

    private static boolean accepts(int salt, String query, String cached) {
        int h = (query + "\u0000" + cached).hashCode() * 31 + salt;
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return (h & 3) != 0; // three in four
    }

    private static String question(Random random) {
        int n = 3 + random.nextInt(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return b.toString();
    }

    private static double cosine(BagOfWordsEmbeddingModel embedder, String a, String b) {
        float[] x = UnitVectors.normalised(embedder.embed(a).vector());
        float[] y = UnitVectors.normalised(embedder.embed(b).vector());
        return x == null || y == null ? 0 : UnitVectors.dot(x, y);
    }
}
