package dev.weft.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Varied English sentences for throughput runs: the distinct sentences of the STS Benchmark, shuffled with a fixed seed. */
final class BenchmarkTexts {
    private BenchmarkTexts() {}

    static List<String> sentences(int count, long seed) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String split : List.of("sts-train.csv", "sts-dev.csv", "sts-test.csv")) {
            for (StsPair p : StsPair.read(SharedData.file("stsbenchmark/" + split))) {
                distinct.add(p.a().strip());
                distinct.add(p.b().strip());
            }
        }
        List<String> all = new ArrayList<>(distinct);
        all.removeIf(String::isBlank);
        Collections.shuffle(all, new Random(seed));
        if (all.size() < count) {
            throw new IllegalStateException("only " + all.size() + " distinct sentences, asked for " + count);
        }
        return List.copyOf(all.subList(0, count));
    }
}
