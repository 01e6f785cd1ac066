package dev.weft.rag.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Scores a sentence by the share of the question's terms it contains, each term weighted by its inverse
 * document frequency over the candidate sentences: {@code sum(idf(t) for question terms t in the sentence) /
 * sum(idf(t) for all question terms)}, with {@code idf(t) = ln(1 + (n + 1) / (df(t) + 1))} over {@code n}
 * sentences. Scores lie in [0, 1]; a question term found in no sentence lowers every score. Terms come from
 * Lucene's {@link EnglishAnalyzer} (Unicode word segmentation, lower-casing, Porter stemming, so "resetting"
 * matches "reset"), with its English stop words and the words every question is made of ("how", "what", "I",
 * "can", ...) removed. Thread-safe.
 */
record LexicalSentenceScorer() implements SentenceScorer {
    /** Most of the question's rarer terms must be matched. */
    static final double DEFAULT_MIN_SCORE = 0.4;
    private static final Analyzer ANALYZER = new EnglishAnalyzer(stopWords());

    @Override
    public double[] score(String question, List<String> sentences) {
        Set<String> questionTerms = terms(question);
        double[] scores = new double[sentences.size()];
        if (questionTerms.isEmpty()) {
            return scores;
        }
        List<Set<String>> sentenceTerms = sentences.stream().map(LexicalSentenceScorer::terms).toList();
        Map<String, Double> idf = new HashMap<>();
        double total = 0;
        for (String t : questionTerms) {
            long df = sentenceTerms.stream().filter(s -> s.contains(t)).count();
            double w = Math.log(1 + (sentences.size() + 1.0) / (df + 1.0));
            idf.put(t, w);
            total += w;
        }
        for (int i = 0; i < scores.length; i++) {
            double matched = 0;
            for (String t : questionTerms) {
                if (sentenceTerms.get(i).contains(t)) {
                    matched += idf.get(t);
                }
            }
            scores[i] = matched / total;
        }
        return scores;
    }

    @Override
    public double defaultMinScore() {
        return DEFAULT_MIN_SCORE;
    }

    @Override
    public String describe() {
        return "lexical overlap (idf-weighted, English analysis)";
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(List.of("how", "what", "when", "where", "who", "whom", "whose", "why", "which", "do", "does", "did",
                "can", "could", "should", "would", "may", "might", "must", "shall", "i", "me", "my", "we", "our", "you",
                "your", "he", "she", "his", "her", "its", "them", "has", "have", "had", "get", "gets", "many", "much",
                "am", "been", "being", "were", "about", "any", "some", "tell", "please"));
        return CharArraySet.unmodifiableSet(stop);
    }

    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string failed", e); // a StringReader does not fail
        }
        return terms;
    }
}
