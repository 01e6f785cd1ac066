package dev.weft.benchmarks;

import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/**
 * The distinct questions of the labelled Quora pairs ({@code qqp-pairs/qqp_labelled_pairs.json.gz}, 137k distinct),
 * shuffled with a fixed seed: the first {@code corpus} are indexed, the next {@code queries} are asked.
 */
record QqpQuestions(List<String> corpus, List<String> queries) {

    static QqpQuestions load(int corpus, int queries) {
        Set<String> distinct = new LinkedHashSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.file("qqp-pairs/qqp_labelled_pairs.json.gz")))) {
            for (JsonNode pair : WeftJson.mapper().readTree(in)) {
                add(distinct, pair.get("text_a"));
                add(distinct, pair.get("text_b"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(distinct);
        Collections.shuffle(all, new Random(20261127));
        if (all.size() < corpus + queries) {
            throw new IllegalStateException("only " + all.size() + " distinct questions");
        }
        return new QqpQuestions(List.copyOf(all.subList(0, corpus)), List.copyOf(all.subList(corpus, corpus + queries)));
    }

    private static void add(Set<String> set, JsonNode text) {
        if (text != null && !text.asString().isBlank()) {
            set.add(text.asString().strip());
        }
    }
}
