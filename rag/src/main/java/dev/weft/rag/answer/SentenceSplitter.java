package dev.weft.rag.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits text into sentences with {@link BreakIterator}'s sentence rules (root locale). Blank lines always end a
 * sentence. Single line breaks end one in model answers, where they separate list items and headings, but not in
 * source chunks, where extracted text is often hard-wrapped mid-sentence. Stateless; thread-safe.
 */
final class SentenceSplitter {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** A sentence's bounds in the text, without surrounding whitespace; never empty. */
    record Span(int start, int end) {
        String in(String text) {
            return text.substring(start, end);
        }
    }

    private SentenceSplitter() {}

    /** The sentences of {@code text}, in order. */
    static List<Span> split(String text, boolean lineBreaksEndSentences) {
        List<Span> spans = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || endsSegment(text, i, lineBreaksEndSentences)) {
                if (i > start) {
                    splitSegment(text, start, i, lineBreaksEndSentences, sentences, spans);
                }
                start = i + 1;
            }
        }
        return spans;
    }

    /** {@code text} with each run of whitespace turned into one space, trimmed. */
    static String normalizeWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** Whether {@code text} holds at least one letter or digit, the mark of a sentence worth keeping. */
    static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Whether the character at {@code i} is a line break that ends a segment: any one, or one closing a blank line. */
    private static boolean endsSegment(String text, int i, boolean everyLineBreak) {
        char c = text.charAt(i);
        if (c != '\n' && c != '\r') {
            return false;
        }
        if (everyLineBreak) {
            return true;
        }
        int from = c == '\n' && i > 0 && text.charAt(i - 1) == '\r' ? i - 2 : i - 1; // CRLF is one break
        for (int j = from; j >= 0; j--) { // a blank line: only horizontal whitespace back to the previous break
            char p = text.charAt(j);
            if (p == '\n' || p == '\r') {
                return true;
            }
            if (!Character.isWhitespace(p)) {
                return false;
            }
        }
        return false;
    }

    private static void splitSegment(String text, int from, int to, boolean lineBreaksEndSentences,
            BreakIterator sentences, List<Span> spans) {
        String segment = text.substring(from, to);
        if (!lineBreaksEndSentences) {
            segment = segment.replace('\n', ' ').replace('\r', ' '); // same length: offsets stay valid
        }
        sentences.setText(segment);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(segment.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(segment.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                spans.add(new Span(from + s, from + e));
            }
        }
    }
}
