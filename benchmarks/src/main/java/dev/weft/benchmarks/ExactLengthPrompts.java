package dev.weft.benchmarks;

import dev.weft.core.model.TokenCounter;
import dev.weft.eval.dataset.BeirDataset;
import dev.weft.eval.dataset.BeirDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompts of an exact token count cut from BEIR SciFact abstracts: the longest run of whole words, from the start
 * of an abstract (or of several joined), that a model's tokenizer counts as exactly the wanted number of tokens.
 * Abstracts where no word boundary gives the exact count are skipped.
 */
final class ExactLengthPrompts {
    private final List<String> words;
    private final TokenCounter counter;
    private int cursor;

    ExactLengthPrompts(TokenCounter counter) {
        this.counter = counter;
        this.words = new ArrayList<>();
        List<BeirDocument> docs = BeirDataset.load(SharedData.root().resolve("beir-scifact"), "test").corpus().readAll();
        for (BeirDocument d : docs) {
            for (String w : d.text().strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
    }

    /** The next {@code count} distinct prompts of exactly {@code tokens} tokens each. */
    List<String> next(int count, int tokens) {
        List<String> prompts = new ArrayList<>(count);
        while (prompts.size() < count) {
            String p = exactFrom(cursor, tokens);
            if (p != null) {
                prompts.add(p);
                cursor += p.split(" ").length;
            } else {
                cursor += 1;
            }
            if (cursor + 4 * tokens >= words.size()) {
                cursor = 0;
            }
        }
        return prompts;
    }

    /** Binary search on the number of words from {@code start}; null if no word count gives exactly {@code tokens}. */
    private String exactFrom(int start, int tokens) {
        int lo = 1;
        int hi = Math.min(words.size() - start, 2 * tokens);
        while (lo < hi) { // smallest word count whose prefix has >= tokens tokens
            int mid = (lo + hi) >>> 1;
            if (counter.count(join(start, mid)) >= tokens) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        String text = join(start, lo);
        return counter.count(text) == tokens ? text : null;
    }

    private String join(int start, int n) {
        return String.join(" ", words.subList(start, start + n));
    }
}
