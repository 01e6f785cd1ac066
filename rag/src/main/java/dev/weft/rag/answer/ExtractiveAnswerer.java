package dev.weft.rag.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers without a chat model: splits the context chunks into sentences, scores each against the question, and
 * keeps the best {@code maxSentences} that score at least {@code minScore}, most relevant first (ties in context
 * order). A sentence that appears in several chunks is scored once, under the first. Immutable; thread-safe as its
 * scorer is.
 */
final class ExtractiveAnswerer {
    private final SentenceScorer scorer;
    private final int maxSentences;
    private final double minScore;

    /** A sentence picked for the answer, with the chunk it came from and its score. */
    record Selected(String text, ContextChunk source, double score) {}

    ExtractiveAnswerer(SentenceScorer scorer, int maxSentences, double minScore) {
        this.scorer = scorer;
        this.maxSentences = maxSentences;
        this.minScore = minScore;
    }

    SentenceScorer scorer() {
        return scorer;
    }

    double minScore() {
        return minScore;
    }

    /** Markdown heading lines: titles, not statements, so never picked as an answer. */
    private static final Pattern HEADING_LINE = Pattern.compile("(?m)^ {0,3}#{1,6}[ \t].*$");

    /**
     * The sentences that answer {@code question} best, most relevant first; empty when none is relevant enough.
     * Questions (sentences ending in '?') and Markdown headings are never picked: they restate, not answer.
     */
    List<Selected> select(String question, List<ContextChunk> context) {
        List<String> sentences = new ArrayList<>();
        List<ContextChunk> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ContextChunk chunk : context) {
            String text = HEADING_LINE.matcher(chunk.chunk().text()).replaceAll("\n");
            for (SentenceSplitter.Span span : SentenceSplitter.split(text, false)) {
                String sentence = SentenceSplitter.normalizeWhitespace(span.in(text));
                if (SentenceSplitter.hasWords(sentence) && !sentence.endsWith("?") && seen.add(sentence)) {
                    sentences.add(sentence);
                    sources.add(chunk);
                }
            }
        }
        if (sentences.isEmpty()) {
            return List.of();
        }
        double[] scores = scorer.score(question, sentences);
        List<Selected> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= minScore) {
                candidates.add(new Selected(sentences.get(i), sources.get(i), scores[i]));
            }
        }
        candidates.sort(Comparator.comparingDouble(Selected::score).reversed()); // stable: ties keep context order
        return List.copyOf(candidates.subList(0, Math.min(maxSentences, candidates.size())));
    }

    /** {@code sentence} with the marker {@code [n]} placed before its closing punctuation, or after it if it has none. */
    static String cite(String sentence, int number) {
        int end = sentence.length();
        while (end > 0 && ".!?".indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        return sentence.substring(0, end) + " [" + number + "]" + sentence.substring(end);
    }
}
