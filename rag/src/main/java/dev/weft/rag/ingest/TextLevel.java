package dev.weft.rag.ingest;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The units a too-long span of text is cut into, coarsest first: paragraphs, sentences, words, grapheme clusters
 * (what a reader sees as one character, so a combining mark stays on its letter and an emoji sequence stays
 * whole) and, last, code points. Each level partitions a span into consecutive sub-spans that cover it exactly;
 * no level ever cuts between the two halves of a surrogate pair.
 */
enum TextLevel {
    PARAGRAPH,
    SENTENCE,
    WORD,
    GRAPHEME,
    CODE_POINT;

    /** The next finer level; {@link #CODE_POINT} has none. */
    TextLevel finer() {
        return values()[ordinal() + 1];
    }

    boolean isFinest() {
        return this == CODE_POINT;
    }

    /** The cut points strictly inside {@code [start, end)}, ascending; the units run between them. */
    List<Span> units(String text, int start, int end) {
        List<Integer> cuts = switch (this) {
            case PARAGRAPH -> paragraphCuts(text, start, end);
            case SENTENCE -> breakCuts(BreakIterator.getSentenceInstance(Locale.ROOT), text, start, end);
            case WORD -> wordCuts(text, start, end);
            case GRAPHEME -> breakCuts(BreakIterator.getCharacterInstance(Locale.ROOT), text, start, end);
            case CODE_POINT -> codePointCuts(text, start, end);
        };
        List<Span> units = new ArrayList<>(cuts.size() + 1);
        int from = start;
        for (int cut : cuts) {
            units.add(new Span(from, cut));
            from = cut;
        }
        units.add(new Span(from, end));
        return units;
    }

    /** Cuts after each whitespace run holding two or more line breaks, that is, after each blank line. */
    private static List<Integer> paragraphCuts(String text, int start, int end) {
        List<Integer> cuts = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (!Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int runEnd = i;
            int breaks = 0;
            while (runEnd < end && Character.isWhitespace(text.charAt(runEnd))) {
                breaks += lineBreakWeight(text, runEnd);
                runEnd++;
            }
            if (breaks >= 2 && i > start && runEnd < end) {
                cuts.add(runEnd);
            }
            i = runEnd;
        }
        return cuts;
    }

    private static int lineBreakWeight(String text, int i) {
        return switch (text.charAt(i)) {
            case '\n', '\u2028', '\u000B', '\u000C', '\u001C', '\u001D', '\u001E', '\u0085' -> 1;
            case '\r' -> i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 0 : 1; // \r\n is one break
            case '\u2029' -> 2;
            default -> 0;
        };
    }

    /** Cuts at the start of each word after the first: the whitespace after a word stays with it. */
    private static List<Integer> wordCuts(String text, int start, int end) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    private static List<Integer> breakCuts(BreakIterator breaks, String text, int start, int end) {
        breaks.setText(new StringCharacterIterator(text, start, end, start));
        List<Integer> cuts = new ArrayList<>();
        for (int b = breaks.following(start); b != BreakIterator.DONE && b < end; b = breaks.next()) {
            if (!splitsSurrogatePair(text, b)) {
                cuts.add(b);
            }
        }
        return cuts;
    }

    private static List<Integer> codePointCuts(String text, int start, int end) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = start + Character.charCount(text.codePointAt(start)); i < end; i += Character.charCount(text.codePointAt(i))) {
            cuts.add(i);
        }
        return cuts;
    }

    static boolean splitsSurrogatePair(String text, int offset) {
        return offset > 0 && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
    }
}
