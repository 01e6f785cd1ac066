package dev.weft.benchmarks;

import dev.weft.core.cache.SemanticCache;
import dev.weft.core.cache.VectorIndex.Neighbor;
import dev.weft.core.json.WeftJson;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import dev.weft.rag.cache.LuceneVectorIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.util.VectorUtil;
import tools.jackson.databind.JsonNode;

/**
 * How often a semantic cache answers, and how often rightly, as its similarity threshold moves: the evidence for
 * the semantic cache's default model and threshold. Every text is normalised as the cache normalises a prompt
 * (Unicode NFKC, runs of whitespace to one space, trimmed; case kept), embedded one text per batch as the cache
 * embeds a prompt, and looked up in a {@link LuceneVectorIndex} for its {@value #CANDIDATES} nearest entries, which are
 * walked as the cache walks them: the first at or above the threshold that the hit check accepts answers. Prints one
 * line per figure.
 *
 * <p><b>Hit checks</b> (what a {@link dev.weft.core.cache.HitVerifier} would do; {@code none} is the plain cache):
 * {@code numbers} (both texts hold the same numbers), {@code swap} (rejects a pair whose content words differ by
 * exactly one replaced word), {@code lexical} (both), and a second embedding model's cosine at 0.85–0.95 (bge-small
 * for MiniLM, MiniLM for bge; on Quora its vectors are computed only for candidates at or above
 * {@code --verify-from}, default 0.85, so those rows start there). Mock rows for checks other than {@code none} are
 * printed at 0.85, 0.90 and 0.95; every check gets a held-out choice.
 *
 * <p><b>(a) GPTCache's mock pairs</b> ({@code qqp-pairs/gptcache_mock_pairs.json}, 999 pairs): each {@code origin}
 * is cached under its pair's id, each {@code similar} looked up. A hit (nearest entry at or above the threshold) is
 * correct when that entry is the pair's own origin, GPTCache's own rule; 35 origins occur twice, so some "wrong"
 * hits return the very same text cached for another pair: each row also gives the counts with those counted right
 * (the same question gets the same answer). Printed next to GPTCache's
 * published table (SQLite + FAISS + its ONNX ALBERT model; its threshold is on its own distance scale, so rows
 * compare by outcome, not by threshold value).
 *
 * <p><b>(b) Labelled Quora pairs</b> ({@code qqp_labelled_pairs.json.gz}, 80,854 pairs, label 1 = duplicate): the
 * cache holds every distinct {@code text_a}; every distinct {@code text_b} not cached verbatim (those would be
 * exact-cache hits) is a lookup. A hit answers the lookup with the cached entry's answer, which is right exactly
 * when the two questions are duplicates. That is known when the dataset labels the pair (the lookup's own pair, or
 * any other pair of the same two texts: label 1 right, label 0 wrong), or when both texts lie in one duplicate
 * cluster (connected through label-1 pairs; duplication is transitive). A hit on a pair the data says nothing about
 * is counted wrong: precision here is a lower bound, and the share of such unjudged hits is printed. Quora's
 * non-duplicate pairs were chosen to look alike, so these lookups are harder than a cache's typical traffic.
 *
 * <p><b>Choosing the threshold honestly.</b> The lookups are split in two halves (seeded shuffle). For each model the
 * threshold is the lowest of 0.80, 0.81, …, 0.98 whose precision on the <em>tuning</em> half is at least 0.97; the
 * figures quoted for it are the other, <em>held-out</em> half's, with a 95% Wilson interval. When no threshold
 * reaches 0.97 on Quora's tuning half (its near-duplicate non-duplicates and strict labels cap precision well
 * below that; the harness prints examples), the mock pairs are split the same way and the threshold is chosen on
 * their tuning half (an identical origin text counting as right: the same question gets the same answer), then
 * reported on both held-out halves. The recommended model is the one whose chosen threshold answers most tuning
 * lookups, a Quora-based choice before a mock-based one.
 *
 * <p>Each model's wrong hits at the default threshold whose entry is not word-for-word the pair's own origin are
 * printed ({@code wrong_hit}), with the pair's own origin beside the hit's, to read what GPTCache's rule counts wrong.
 *
 * <p>The last lines, {@code target}, state issue 5's target for the default configuration
 * ({@link SemanticCache#DEFAULT_THRESHOLD}, no verifier) per model: precision >= 0.97 on all 999 mock pairs with a hit
 * rate above GPTCache's 0.95 row (precision 0.944, hit rate 0.450; its table never reaches 0.95 precision), under
 * either counting rule, with Quora's held-out figures at that threshold.
 *
 * <p>Vectors are cached under {@code target/cache} (one file per dataset, model and text list), so only the first run
 * embeds. Run: {@code ./benchmarks/run SemanticCacheQuality [--limit N] [--models all-minilm-l6-v2,bge-small-en-v1.5-q]
 * [--quora-models all-minilm-l6-v2] [--verify-from 0.85]} ({@code --limit N}: only the first N labelled pairs of the
 * seeded shuffle, for a quick run; {@code --quora-models}: the models also run on Quora, default all; the mock pairs
 * are always run for MiniLM and bge-small, each being the other's second opinion).
 */
public final class SemanticCacheQuality {
    private static final Path CACHE = Path.of("target", "cache");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final double TARGET_PRECISION = 0.97;
    private static final double DEFAULT_THRESHOLD = SemanticCache.DEFAULT_THRESHOLD;
    /** Neighbours a lookup walks, as the cache does (SemanticCache.CANDIDATES). */
    private static final int CANDIDATES = 4;
    private static final long SEED = 20261127;
    /** GPTCache's published rows: threshold, positive, negative, fail count. */
    private static final int[][] GPTCACHE = {{80, 904, 92, 3}, {90, 804, 77, 118}, {95, 425, 25, 549}};

    private SemanticCacheQuality() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        int limit = Integer.MAX_VALUE;
        List<BundledModel> models = List.of(BundledModel.ALL_MINILM_L6_V2, BundledModel.ALL_MINILM_L6_V2_Q, BundledModel.BGE_SMALL_EN_V15_Q);
        List<BundledModel> quoraModels = null;
        double verifyFrom = 0.85;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--models" -> models = java.util.Arrays.stream(args[++i].split(",")).map(SemanticCacheQuality::model).toList();
                case "--quora-models" -> quoraModels = java.util.Arrays.stream(args[++i].split(",")).map(SemanticCacheQuality::model).toList();
                case "--verify-from" -> verifyFrom = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --limit N, --models id,id, --quora-models id,id and --verify-from THRESHOLD");
            }
        }
        quoraModels = quoraModels == null ? models : quoraModels;
        MockPairs mock = MockPairs.load();
        QqpLookups qqp = QqpLookups.load(limit);
        System.out.printf(Locale.ROOT, "# mock pairs=%d (distinct origins %d); qqp pairs=%d cached entries=%d lookups=%d (tuning %d, held-out %d; %d more were cached verbatim) answerable=%.4f; Java %s, %d cores%n",
                mock.origins.size(), new LinkedHashSet<>(mock.origins).size(), qqp.pairs, qqp.entries.size(), qqp.lookups.size(),
                qqp.tuning, qqp.lookups.size() - qqp.tuning, qqp.verbatim, qqp.answerable(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());

        Map<BundledModel, float[][]> mockVectors = new LinkedHashMap<>();
        for (BundledModel model : List.of(BundledModel.ALL_MINILM_L6_V2, BundledModel.BGE_SMALL_EN_V15_Q)) {
            if (!models.contains(model)) {
                models = new ArrayList<>(models);
                models.add(model); // the second opinion of the other: its mock vectors are needed anyway
            }
        }
        for (BundledModel model : models) {
            try (OnnxEmbeddingModel embedder = open(model)) {
                mockVectors.put(model, embedCached(embedder, model, "gptcache-mock", mock.texts()));
            }
        }

        List<Choice> choices = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (BundledModel model : models) {
            BundledModel second = secondOpinion(model);
            int n = mock.origins.size();
            float[][] vectors = mockVectors.get(model);
            float[][] secondVectors = mockVectors.get(second);
            Neighbor[][] mockTop = nearest(vectors, 0, n, vectors, n, vectors.length);
            List<Check> mockChecks = checks(second, 0, mock.similars::get, mock.origins::get,
                    q -> secondVectors[n + q], e -> secondVectors[e]);
            for (Check check : mockChecks) {
                for (int step = 0; step <= 18; step++) {
                    double t = (80 + step) / 100.0;
                    if (check.name.equals("none") || List.of(85, 90, 95).contains(80 + step)) {
                        printMock(model, check, mock.count(mockTop, check, t, null), t);
                    }
                }
            }
            MockOutcome atDefault = mock.count(mockTop, mockChecks.getFirst(), DEFAULT_THRESHOLD, null);
            for (String wrong : mock.wrongHits(mockTop, mockChecks.getFirst(), DEFAULT_THRESHOLD)) {
                System.out.printf(Locale.ROOT, "mock.%s.wrong_hit t%.2f %s%n", model.id(), DEFAULT_THRESHOLD, wrong);
            }

            if (!quoraModels.contains(model)) {
                for (Check check : mockChecks) {
                    Choice choice = chooseOnMock(model, check, null, null, null, mock, mockTop);
                    if (choice != null) {
                        choices.add(choice);
                    }
                }
                targets.add(target(model, atDefault, null));
                continue;
            }
            long modelStart = System.nanoTime();
            float[][] entryVectors;
            float[][] lookupVectors;
            try (OnnxEmbeddingModel embedder = open(model)) {
                entryVectors = embedCached(embedder, model, "qqp-entries", qqp.entries);
                lookupVectors = embedCached(embedder, model, "qqp-lookups", qqp.lookups);
            }
            System.out.printf(Locale.ROOT, "# %s: vectors ready in %.0f s (embedded now or read from %s)%n",
                    model.id(), (System.nanoTime() - modelStart) / 1e9, CACHE.toAbsolutePath());
            Neighbor[][] qqpTop = nearest(entryVectors, 0, entryVectors.length, lookupVectors, 0, lookupVectors.length);

            // The second opinion's vectors, only for the texts of candidate hits at or above --verify-from.
            Set<String> candidateTexts = new java.util.TreeSet<>();
            for (int q = 0; q < qqpTop.length; q++) {
                for (Neighbor nb : qqpTop[q]) {
                    if (nb.similarity() >= verifyFrom) {
                        candidateTexts.add(qqp.lookups.get(q));
                        candidateTexts.add(qqp.entries.get(Integer.parseInt(nb.id())));
                    }
                }
            }
            Map<String, float[]> secondQqp = new HashMap<>();
            try (OnnxEmbeddingModel embedder = open(second)) {
                List<String> texts = List.copyOf(candidateTexts);
                float[][] v = embedCached(embedder, second, "qqp-candidates-" + model.id() + "-from" + Math.round(verifyFrom * 100), texts);
                for (int i = 0; i < texts.size(); i++) {
                    secondQqp.put(texts.get(i), v[i]);
                }
            }
            List<Check> qqpChecks = checks(second, verifyFrom, qqp.lookups::get, qqp.entries::get,
                    q -> secondQqp.get(qqp.lookups.get(q)), e -> secondQqp.get(qqp.entries.get(e)));
            for (int c = 0; c < qqpChecks.size(); c++) {
                Check check = qqpChecks.get(c);
                Check mockCheck = mockChecks.get(c);
                Counts[] tuning = new Counts[19];
                Counts[] heldOut = new Counts[19];
                for (int step = 0; step <= 18; step++) {
                    double t = (80 + step) / 100.0;
                    if (check.secondOpinion && t < check.from) {
                        continue; // no second-opinion vectors below --verify-from
                    }
                    tuning[step] = qqp.count(qqpTop, check, t, 0, qqp.tuning);
                    heldOut[step] = qqp.count(qqpTop, check, t, qqp.tuning, qqp.lookups.size());
                    if (check.name.equals("none") || List.of(85, 90, 95).contains(80 + step)) {
                        System.out.printf(Locale.ROOT, "qqp.%s.%s.t%.2f tuning: precision=%.4f hit_rate=%.4f | held-out: precision=%.4f (judged only %.4f) hit_rate=%.4f correct_hit_rate=%.4f hits=%d unjudged=%d%n",
                                model.id(), check.name, t, tuning[step].precision(), tuning[step].hitRate(), heldOut[step].precision(),
                                heldOut[step].judgedPrecision(), heldOut[step].hitRate(), heldOut[step].correctRate(), heldOut[step].hits,
                                heldOut[step].unjudged);
                    }
                }
                if (check.name.equals("none")) {
                    qqp.printHits(model, qqpTop, 0.97, 0, 5);
                    qqp.printHits(model, qqpTop, 0.97, -1, 3);
                }
                Choice choice = chooseOnQqp(model, check, mockCheck, tuning, heldOut, mock, mockTop);
                if (choice == null) {
                    choice = chooseOnMock(model, mockCheck, check, qqp, qqpTop, mock, mockTop);
                }
                if (choice != null) {
                    choices.add(choice);
                }
            }
            targets.add(target(model, atDefault, qqp.count(qqpTop, qqpChecks.getFirst(), DEFAULT_THRESHOLD, qqp.tuning, qqp.lookups.size())));
        }

        choices.stream()
                .filter(c -> c.check.name.equals("none"))
                .max(java.util.Comparator.comparing((Choice c) -> c.rule.equals("qqp")).thenComparingDouble(c -> c.tuningHitRate))
                .ifPresentOrElse(best -> System.out.printf(Locale.ROOT, "recommendation model=%s threshold=%.2f verifier=none (chosen on the %s tuning half) | %s%n",
                                best.model.id(), best.threshold, best.rule, best.heldOutFigures()),
                        () -> System.out.println("recommendation none: no model reached the target precision on either tuning half"));
        for (Choice c : choices) {
            System.out.printf(Locale.ROOT, "choice model=%s verifier=%s threshold=%.2f (chosen on the %s tuning half) | %s%n",
                    c.model.id(), c.check.name, c.threshold, c.rule, c.heldOutFigures());
        }
        targets.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "# total %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * Issue 5's target for the default configuration (threshold {@link SemanticCache#DEFAULT_THRESHOLD}, no verifier):
     * hit precision >= 0.97 on the mock pairs with a hit rate above GPTCache's 0.95 row (precision 0.944, hit rate
     * 0.450), under both counting rules; and Quora's held-out figures at the same threshold.
     */
    private static String target(BundledModel model, MockOutcome m, Counts q) {
        double gptPrecision = GPTCACHE[2][1] / (double) (GPTCACHE[2][1] + GPTCACHE[2][2]);
        double gptHitRate = (GPTCACHE[2][1] + GPTCACHE[2][2]) / 999.0;
        boolean strict = m.precision() >= TARGET_PRECISION && m.hitRate() > gptHitRate;
        boolean sameText = m.precisionSameTextRight() >= TARGET_PRECISION && m.hitRate() > gptHitRate;
        String quora = q == null ? "qqp not run for this model"
                : String.format(Locale.ROOT, "qqp held-out: precision=%.4f [95%% CI %.4f-%.4f] (judged only %.4f) hit_rate=%.4f",
                        q.precision(), wilson(q.correct, q.hits)[0], wilson(q.correct, q.hits)[1], q.judgedPrecision(), q.hitRate());
        return String.format(Locale.ROOT, "target model=%s threshold=%.2f verifier=none | mock all 999: correct/wrong/miss=%d/%d/%d precision=%.4f (identical origin text counted right: %.4f) hit_rate=%.4f | GPTCache 0.95 row: precision=%.4f hit_rate=%.4f | met under GPTCache's rule: %s; with identical text right: %s | %s",
                model.id(), DEFAULT_THRESHOLD, m.correct, m.wrong, m.misses, m.precision(), m.precisionSameTextRight(), m.hitRate(),
                gptPrecision, gptHitRate, strict ? "yes" : "no", sameText ? "yes" : "no", quora);
    }

    /** The lowest threshold whose precision on the Quora tuning half reaches the target, with its held-out figures; or null. */
    private static Choice chooseOnQqp(BundledModel model, Check check, Check mockCheck, Counts[] tuning, Counts[] heldOut, MockPairs mock,
            Neighbor[][] mockTop) {
        int best = -1;
        for (int step = 0; step <= 18; step++) {
            if (tuning[step] == null) {
                continue;
            }
            if (tuning[step].hits > 0 && tuning[step].precision() >= TARGET_PRECISION) {
                double t = (80 + step) / 100.0;
                Counts h = heldOut[step];
                double[] ci = wilson(h.correct, h.hits);
                System.out.printf(Locale.ROOT, "qqp.%s.%s.chosen threshold=%.2f (lowest with tuning precision >= %.2f) held-out: precision=%.4f [95%% CI %.4f-%.4f] hit_rate=%.4f correct_hit_rate=%.4f (%d of %d lookups)%n",
                        model.id(), check.name, t, TARGET_PRECISION, h.precision(), ci[0], ci[1], h.hitRate(), h.correctRate(), h.hits, h.lookups);
                return new Choice(model, check, t, "qqp", tuning[step].hitRate(), h, mock.count(mockTop, mockCheck, t, false));
            }
            best = best < 0 || tuning[step].precision() > tuning[best].precision() ? step : best;
        }
        System.out.printf(Locale.ROOT, "qqp.%s.%s.chosen none: no threshold up to 0.98 reaches precision %.2f on the tuning half (best %.4f at %.2f)%n",
                model.id(), check.name, TARGET_PRECISION, tuning[best].precision(), (80 + best) / 100.0);
        return null;
    }

    /**
     * The fallback when Quora's tuning half allows no threshold: the lowest threshold whose precision on the mock
     * pairs' tuning half reaches the target, an identical origin text counting as right (the same question gets
     * the same answer); its figures on the mock held-out half and on Quora's held-out half. Or null.
     */
    private static Choice chooseOnMock(BundledModel model, Check check, Check qqpCheck, QqpLookups qqp, Neighbor[][] qqpTop, MockPairs mock,
            Neighbor[][] mockTop) {
        for (int step = 0; step <= 18; step++) {
            double t = (80 + step) / 100.0;
            MockOutcome tuning = mock.count(mockTop, check, t, true);
            if (tuning.correct + tuning.wrong > 0 && tuning.precisionSameTextRight() >= TARGET_PRECISION) {
                MockOutcome h = mock.count(mockTop, check, t, false);
                Counts q = qqp == null || (qqpCheck.secondOpinion && t < qqpCheck.from) ? null
                        : qqp.count(qqpTop, qqpCheck, t, qqp.tuning, qqp.lookups.size());
                System.out.printf(Locale.ROOT, "mock.%s.%s.chosen threshold=%.2f (lowest with tuning-half precision >= %.2f, identical origin text counted right) held-out: precision=%.4f (strict %.4f) hit_rate=%.4f (%d/%d/%d) | %s%n",
                        model.id(), check.name, t, TARGET_PRECISION, h.precisionSameTextRight(), h.precision(), h.hitRate(), h.correct, h.wrong,
                        h.misses, q == null ? "qqp: not measured" : String.format(Locale.ROOT, "qqp held-out at it: precision=%.4f (judged only %.4f) hit_rate=%.4f",
                                q.precision(), q.judgedPrecision(), q.hitRate()));
                return new Choice(model, check, t, "mock", tuning.hitRate(), q, h);
            }
        }
        System.out.printf(Locale.ROOT, "mock.%s.%s.chosen none: no threshold up to 0.98 reaches precision %.2f on the tuning half%n",
                model.id(), check.name, TARGET_PRECISION);
        return null;
    }

    private static OnnxEmbeddingModel open(BundledModel model) {
        return OnnxEmbeddingModel.builder().bundled(model).batchSize(1).build();
    }

    /** The model whose cosine is the second opinion on {@code model}'s hits: bge-small for MiniLM, MiniLM for bge. */
    private static BundledModel secondOpinion(BundledModel model) {
        return model == BundledModel.BGE_SMALL_EN_V15_Q ? BundledModel.ALL_MINILM_L6_V2 : BundledModel.BGE_SMALL_EN_V15_Q;
    }

    /**
     * The hit checks measured, as a {@link dev.weft.core.cache.HitVerifier} would apply them to (query, cached turn):
     * none; lexical guards; a second model's cosine at a few minimums; and the best of both together.
     */
    private static List<Check> checks(BundledModel second, double from, java.util.function.IntFunction<String> query,
            java.util.function.IntFunction<String> entry, java.util.function.IntFunction<float[]> secondQuery,
            java.util.function.IntFunction<float[]> secondEntry) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("none", false, 0, (q, e) -> true));
        checks.add(new Check("numbers", false, 0, (q, e) -> LexicalRules.sameNumbers(query.apply(q), entry.apply(e))));
        checks.add(new Check("swap", false, 0, (q, e) -> !LexicalRules.oneWordSwapped(query.apply(q), entry.apply(e))));
        checks.add(new Check("lexical", false, 0, (q, e) -> LexicalRules.sameNumbers(query.apply(q), entry.apply(e))
                && !LexicalRules.oneWordSwapped(query.apply(q), entry.apply(e))));
        for (double min : new double[] {0.85, 0.90, 0.93, 0.95}) {
            String name = String.format(Locale.ROOT, "%s>=%.2f", second.id(), min);
            checks.add(new Check(name, true, from, (q, e) -> cosine(secondQuery.apply(q), secondEntry.apply(e)) >= min));
        }
        return checks;
    }

    private static double cosine(float[] a, float[] b) {
        if (a == null || b == null) {
            throw new IllegalStateException("no second-opinion vector: a candidate below --verify-from was checked");
        }
        return VectorUtil.cosine(a, b);
    }

    /** A hit check over benchmark indices (the lookup, the cached entry); {@code from}: the lowest threshold it has data for. */
    private record Check(String name, boolean secondOpinion, double from, PairTest test) {}

    private interface PairTest {
        boolean accepts(int query, int entry);
    }

    /** The first of {@code top} at or above {@code threshold} that {@code check} accepts, as the cache walks them; or null. */
    private static Neighbor walk(Neighbor[] top, Check check, int query, double threshold) {
        for (Neighbor n : top) {
            if (n.similarity() < threshold) {
                return null;
            }
            if (check.test.accepts(query, Integer.parseInt(n.id()))) {
                return n;
            }
        }
        return null;
    }

    private static BundledModel model(String id) {
        for (BundledModel m : BundledModel.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no bundled model " + id);
    }

    /** The text as the semantic cache keys a prompt: NFKC, whitespace runs collapsed to one space, trimmed. */
    static String normalize(String text) {
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    /** For every query vector in [from, to) of {@code queries}, the {@link #CANDIDATES} nearest of {@code entries}[entryFrom, entryTo). */
    private static Neighbor[][] nearest(float[][] entries, int entryFrom, int entryTo, float[][] queries, int from, int to) {
        try (LuceneVectorIndex index = LuceneVectorIndex.builder().inMemory().dimension(entries[0].length).build()) {
            for (int i = entryFrom; i < entryTo; i++) {
                index.put("", Integer.toString(i - entryFrom), entries[i]);
            }
            Neighbor[][] top = new Neighbor[to - from][];
            for (int q = from; q < to; q++) {
                top[q - from] = index.nearest("", queries[q], CANDIDATES).toArray(Neighbor[]::new);
            }
            return top;
        }
    }

    private static void printMock(BundledModel model, Check check, MockOutcome o, double threshold) {
        String published = "";
        for (int[] row : GPTCACHE) {
            if (row[0] == Math.round(threshold * 100)) {
                published = String.format(Locale.ROOT, " | GPTCache published at its %.2f: %d/%d/%d (precision %.4f, hit_rate %.4f)",
                        threshold, row[1], row[2], row[3], row[1] / (double) (row[1] + row[2]), (row[1] + row[2]) / 999.0);
            }
        }
        System.out.printf(Locale.ROOT, "mock.%s.%s.t%.2f GPTCache's rule: correct/wrong/miss=%d/%d/%d precision=%.4f hit_rate=%.4f | identical origin text right: correct/wrong/miss=%d/%d/%d precision=%.4f%s%n",
                model.id(), check.name, threshold, o.correct, o.wrong, o.misses, o.precision(), o.hitRate(), o.correct + o.sameText,
                o.wrong - o.sameText, o.misses, o.precisionSameTextRight(), published);
    }

    private static float[][] embedCached(OnnxEmbeddingModel embedder, BundledModel model, String dataset, List<String> texts) {
        Path file = CACHE.resolve(dataset + "-" + model.id() + "-" + texts.size() + "-" + digest(texts) + ".f32");
        return VectorFile.cached(file, () -> {
            float[][] out = new float[texts.size()][];
            long start = System.nanoTime();
            int step = 2_000;
            for (int from = 0; from < texts.size(); from += step) {
                var batch = embedder.embed(texts.subList(from, Math.min(texts.size(), from + step))).embeddings();
                for (int i = 0; i < batch.size(); i++) {
                    out[from + i] = batch.get(i).vector();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int done = Math.min(texts.size(), from + step);
                System.out.printf(Locale.ROOT, "# %s %s: embedded %d/%d (%.0f texts/s)%n", model.id(), dataset, done, texts.size(), done / seconds);
            }
            return out;
        });
    }

    private static String digest(List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                sha.update(t.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 95% Wilson score interval of a proportion. */
    private static double[] wilson(int successes, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959964;
        double p = successes / (double) n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {centre - half, centre + half};
    }

    /** A model and check's chosen threshold: on which data set's tuning half ({@code rule}), and its held-out figures. */
    private record Choice(BundledModel model, Check check, double threshold, String rule, double tuningHitRate, Counts qqpHeldOut,
            MockOutcome mockHeldOut) {
        String heldOutFigures() {
            String q = qqpHeldOut == null ? "qqp held-out: not measured" : String.format(Locale.ROOT,
                    "qqp held-out: precision=%.4f [95%% CI %.4f-%.4f] (judged only %.4f) hit_rate=%.4f", qqpHeldOut.precision(),
                    wilson(qqpHeldOut.correct, qqpHeldOut.hits)[0], wilson(qqpHeldOut.correct, qqpHeldOut.hits)[1],
                    qqpHeldOut.judgedPrecision(), qqpHeldOut.hitRate());
            return String.format(Locale.ROOT, "mock held-out: precision=%.4f (GPTCache's rule %.4f) hit_rate=%.4f | GPTCache 0.95 row: precision=%.4f hit_rate=%.4f | %s",
                    mockHeldOut.precisionSameTextRight(), mockHeldOut.precision(), mockHeldOut.hitRate(),
                    GPTCACHE[2][1] / (double) (GPTCACHE[2][1] + GPTCACHE[2][2]), (GPTCACHE[2][1] + GPTCACHE[2][2]) / 999.0, q);
        }
    }

    /** Mock-pair lookups at one threshold; {@code sameText}: wrong hits returning another pair's identical origin. */
    private record MockOutcome(int correct, int wrong, int sameText, int misses) {
        double hitRate() {
            return (correct + wrong) / (double) (correct + wrong + misses);
        }

        /** GPTCache's rule: right only when the entry is the pair's own. */
        double precision() {
            return correct / (double) Math.max(1, correct + wrong);
        }

        /** Right also when the entry is another pair's identical origin text: the same question, the same answer. */
        double precisionSameTextRight() {
            return (correct + sameText) / (double) Math.max(1, correct + wrong);
        }
    }

    /** Outcomes of lookups at one threshold. */
    private record Counts(int lookups, int hits, int correct, int unjudged) {
        double precision() {
            return hits == 0 ? Double.NaN : correct / (double) hits;
        }

        /** Precision over the hits the dataset judges: an upper estimate, where {@link #precision()} is a lower bound. */
        double judgedPrecision() {
            return hits == unjudged ? Double.NaN : correct / (double) (hits - unjudged);
        }

        double hitRate() {
            return hits / (double) lookups;
        }

        double correctRate() {
            return correct / (double) lookups;
        }
    }

    /**
     * GPTCache's 999 (origin, similar) pairs, normalised, and a seeded split of the lookups: {@code tuning} holds the
     * pair indices of the tuning half.
     */
    private record MockPairs(List<String> origins, List<String> similars, Set<Integer> tuning) {
        static MockPairs load() {
            List<String> origins = new ArrayList<>();
            List<String> similars = new ArrayList<>();
            for (JsonNode pair : readJson(SharedData.file("qqp-pairs/gptcache_mock_pairs.json"), false)) {
                origins.add(normalize(pair.get("origin").asString()));
                similars.add(normalize(pair.get("similar").asString()));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < origins.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(SEED + 2));
            return new MockPairs(List.copyOf(origins), List.copyOf(similars), Set.copyOf(order.subList(0, order.size() / 2)));
        }

        /** The outcomes at {@code threshold} with {@code check} over the tuning half, the held-out half, or (null) all. */
        MockOutcome count(Neighbor[][] top, Check check, double threshold, Boolean tuningHalf) {
            int correct = 0;
            int wrong = 0;
            int sameText = 0;
            int misses = 0;
            for (int i = 0; i < top.length; i++) {
                if (tuningHalf != null && tuning.contains(i) != tuningHalf) {
                    continue;
                }
                Neighbor hit = walk(top[i], check, i, threshold);
                if (hit == null) {
                    misses++;
                    continue;
                }
                int entry = Integer.parseInt(hit.id());
                if (entry == i) {
                    correct++;
                } else {
                    wrong++;
                    sameText += origins.get(entry).equals(origins.get(i)) ? 1 : 0;
                }
            }
            return new MockOutcome(correct, wrong, sameText, misses);
        }

        /**
         * The wrong hits at {@code threshold} under GPTCache's rule whose entry is not word-for-word the pair's own
         * origin: the lookup, the hit's origin and the pair's own origin, to read what the rule counts wrong.
         */
        List<String> wrongHits(Neighbor[][] top, Check check, double threshold) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < top.length; i++) {
                Neighbor hit = walk(top[i], check, i, threshold);
                int entry = hit == null ? i : Integer.parseInt(hit.id());
                if (entry != i && !origins.get(entry).equals(origins.get(i))) {
                    lines.add(String.format(Locale.ROOT, "pair=%d similarity=%.3f | lookup: %s | hit (pair %d's origin): %s | own origin: %s",
                            i, hit.similarity(), similars.get(i), entry, origins.get(entry), origins.get(i)));
                }
            }
            return lines;
        }

        /** Origins, then similars: one list to embed. */
        List<String> texts() {
            List<String> all = new ArrayList<>(origins);
            all.addAll(similars);
            return all;
        }
    }

    /**
     * The Quora lookups: cached entries (distinct {@code text_a}), lookups (distinct {@code text_b} not cached
     * verbatim, shuffled; the first {@code tuning} are the tuning half), and what the whole dataset says about any
     * two texts: a label where it pairs them, else whether they share a duplicate cluster.
     */
    private static final class QqpLookups {
        final int pairs;
        final List<String> entries;
        final List<String> lookups;
        final int tuning;
        final int verbatim;
        private final Map<String, Integer> ids;
        private final Map<Long, Integer> labels; // pair of text ids -> 1, 0, or -1 when the dataset says both
        private final int[] cluster;

        private QqpLookups(int pairs, List<String> entries, List<String> lookups, int verbatim, Map<String, Integer> ids,
                Map<Long, Integer> labels, int[] cluster) {
            this.pairs = pairs;
            this.entries = entries;
            this.lookups = lookups;
            this.tuning = lookups.size() / 2;
            this.verbatim = verbatim;
            this.ids = ids;
            this.labels = labels;
            this.cluster = cluster;
        }

        static QqpLookups load(int limit) {
            List<String[]> all = new ArrayList<>();
            List<Integer> allLabels = new ArrayList<>();
            for (JsonNode pair : readJson(SharedData.file("qqp-pairs/qqp_labelled_pairs.json.gz"), true)) {
                all.add(new String[] {normalize(pair.get("text_a").asString()), normalize(pair.get("text_b").asString())});
                allLabels.add(pair.get("label").asInt());
            }
            // The ground truth comes from every pair, whatever the limit.
            Map<String, Integer> ids = new HashMap<>();
            for (String[] p : all) {
                ids.putIfAbsent(p[0], ids.size());
                ids.putIfAbsent(p[1], ids.size());
            }
            int[] parent = new int[ids.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            Map<Long, Integer> labels = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                int a = ids.get(all.get(i)[0]);
                int b = ids.get(all.get(i)[1]);
                int label = allLabels.get(i);
                labels.merge(key(a, b), label, (x, y) -> x.equals(y) ? x : -1);
                if (label == 1) {
                    parent[find(parent, a)] = find(parent, b);
                }
            }
            int[] cluster = new int[parent.length];
            for (int i = 0; i < parent.length; i++) {
                cluster[i] = find(parent, i);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(SEED));
            List<Integer> chosen = order.subList(0, Math.min(limit, order.size()));
            Set<String> entries = new LinkedHashSet<>();
            for (int i : chosen) {
                entries.add(all.get(i)[0]);
            }
            Set<String> lookups = new LinkedHashSet<>();
            int verbatim = 0;
            for (int i : chosen) {
                String b = all.get(i)[1];
                if (entries.contains(b)) {
                    verbatim++;
                } else {
                    lookups.add(b);
                }
            }
            List<String> shuffled = new ArrayList<>(lookups);
            Collections.shuffle(shuffled, new Random(SEED + 1));
            return new QqpLookups(chosen.size(), List.copyOf(entries), List.copyOf(shuffled), verbatim, ids, labels, cluster);
        }

        /** Right (1), wrong (0) or unjudged (-1): whether entry's answer answers the lookup. */
        int judge(String entry, String lookup) {
            int e = ids.get(entry);
            int l = ids.get(lookup);
            Integer label = labels.get(key(e, l));
            if (label != null) {
                return label;
            }
            return cluster[e] == cluster[l] ? 1 : -1;
        }

        Counts count(Neighbor[][] top, Check check, double threshold, int from, int to) {
            int hits = 0;
            int correct = 0;
            int unjudged = 0;
            for (int q = from; q < to; q++) {
                Neighbor hit = walk(top[q], check, q, threshold);
                if (hit == null) {
                    continue;
                }
                hits++;
                int verdict = judge(entries.get(Integer.parseInt(hit.id())), lookups.get(q));
                correct += verdict == 1 ? 1 : 0;
                unjudged += verdict == -1 ? 1 : 0;
            }
            return new Counts(to - from, hits, correct, unjudged);
        }

        /** Prints the first {@code count} held-out hits at or above {@code threshold} judged {@code verdict} (0 wrong, -1 unjudged). */
        void printHits(BundledModel model, Neighbor[][] top, double threshold, int verdict, int count) {
            int printed = 0;
            for (int q = tuning; q < lookups.size() && printed < count; q++) {
                String entry = entries.get(Integer.parseInt(top[q][0].id()));
                if (top[q][0].similarity() >= threshold && judge(entry, lookups.get(q)) == verdict) {
                    System.out.printf(Locale.ROOT, "# %s %s hit at %.3f: lookup \"%s\" answered with \"%s\"%n",
                            model.id(), verdict == 0 ? "wrong" : "unjudged", top[q][0].similarity(), lookups.get(q), entry);
                    printed++;
                }
            }
        }

        /** The share of lookups for which some cached entry is a known duplicate: the best any threshold can answer. */
        double answerable() {
            Map<Integer, Boolean> clustersCached = new LinkedHashMap<>();
            for (String e : entries) {
                clustersCached.put(cluster[ids.get(e)], true);
            }
            int answerable = 0;
            for (String l : lookups) {
                answerable += clustersCached.containsKey(cluster[ids.get(l)]) ? 1 : 0;
            }
            return answerable / (double) lookups.size();
        }

        private static long key(int a, int b) {
            return ((long) Math.min(a, b) << 32) | Math.max(a, b);
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
    }

    private static JsonNode readJson(Path file, boolean gzip) {
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return WeftJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
