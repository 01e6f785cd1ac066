package dev.weft.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One STS Benchmark pair: a gold similarity in [0, 5] and two sentences. */
record StsPair(double score, String a, String b) {

    /** Reads an STS Benchmark CSV (tab-separated; score in column 5, sentences in 6 and 7). */
    static List<StsPair> read(Path file) {
        List<StsPair> pairs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] cols = line.split("\t");
                if (cols.length < 7) {
                    continue;
                }
                pairs.add(new StsPair(Double.parseDouble(cols[4]), cols[5], cols[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }
}
