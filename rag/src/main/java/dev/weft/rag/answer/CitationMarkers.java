package dev.weft.rag.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads citation markers out of a model's answer. Stateless; thread-safe; total: any text parses, nothing throws.
 *
 * <p><b>Syntax.</b> A marker is {@code [} numbers {@code ]}, the numbers in ASCII digits separated by a comma or
 * semicolon and optional spaces after it: {@code [1]}, {@code [1, 3]}, {@code [2;4]}. Adjacent markers
 * ({@code [1][2]}) are read one by one. Nothing else is a marker: no spaces inside the brackets' edges
 * ({@code [ 1]}), no ranges ({@code [1-3]}), no other digits. Markers inside Markdown code ({@code `a[1]`}, fenced
 * blocks) are code, not citations.
 *
 * <p><b>Validity.</b> Number {@code n} cites chunk {@code n} of the context when {@code 1 <= n <= sourceCount};
 * any other number is invalid: it is dropped and counted. In the cleaned text a marker keeps only its valid
 * numbers; a marker with none is removed along with the space before it, unless removing it would fuse its
 * neighbours into a new marker or code span (as in {@code [1[9]]}), in which case it stays as written. Cleaning
 * is a fixed point: the cleaned text parses to the same citations and cleans to itself.
 *
 * <p><b>Claims.</b> The answer is split into sentences (line breaks end sentences). A marker cites for the
 * sentence it ends or sits in; a marker at the very start of a sentence belongs to the one before, since models
 * write {@code "It is large. [2] Next..."} as often as {@code "It is large [2]."}. Sentences with no letter or
 * digit are not claims; their citations go to the claim before them (or the first, if none precedes).
 */
final class CitationMarkers {

    /** The result: the cleaned text, its claims and how many invalid citation numbers were dropped. */
    record Parsed(String text, List<ParsedClaim> claims, int invalidCitations) {}

    /** A sentence of the answer, without markers, and the valid numbers it cites, ascending and distinct. */
    record ParsedClaim(String text, List<Integer> numbers) {}

    /** A marker: its bounds in the text and its numbers, each at most {@link #TOO_LARGE}. */
    private record Marker(int start, int end, List<Integer> numbers) {}

    /** Larger numbers are read as this one, which no context reaches, so that reading never overflows. */
    private static final int TOO_LARGE = 1_000_000_000;

    private CitationMarkers() {}

    /** Parses {@code text}, whose valid citation numbers are {@code 1..sourceCount}. */
    static Parsed parse(String text, int sourceCount) {
        List<Marker> markers = scan(text);
        int invalid = 0;
        for (Marker m : markers) {
            for (int n : m.numbers()) {
                if (!isValid(n, sourceCount)) {
                    invalid++;
                }
            }
        }
        return new Parsed(clean(text, markers, sourceCount), claims(text, markers, sourceCount), invalid);
    }

    private static boolean isValid(int n, int sourceCount) {
        return n >= 1 && n <= sourceCount;
    }

    // ---- scanning --------------------------------------------------------------------------------------------

    /** The markers of {@code text} outside code spans, in order. Linear in the text's length. */
    private static List<Marker> scan(String text) {
        Map<Integer, Integer> codeSpanEnds = codeSpans(text);
        List<Marker> markers = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Integer codeEnd = codeSpanEnds.get(i);
            if (codeEnd != null) {
                i = codeEnd;
                continue;
            }
            Marker m = text.charAt(i) == '[' ? markerAt(text, i) : null;
            i = m == null ? i + 1 : m.end();
            if (m != null) {
                markers.add(m);
            }
        }
        return markers;
    }

    /**
     * Where each code span starts, mapped to where it ends: as in CommonMark, a run of backticks opens a span that
     * the next run of the same length closes; a run with no closing partner is literal text.
     */
    private static Map<Integer, Integer> codeSpans(String text) {
        List<int[]> runs = new ArrayList<>(); // {start, length}
        for (int i = 0; i < text.length(); ) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) == '`') {
                i++;
            }
            runs.add(new int[] {start, i - start});
        }
        int[] nextOfSameLength = new int[runs.size()];
        Map<Integer, Integer> lastByLength = new HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            Integer next = lastByLength.put(runs.get(r)[1], r);
            nextOfSameLength[r] = next == null ? -1 : next;
        }
        Map<Integer, Integer> spans = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            int close = nextOfSameLength[r];
            if (close >= 0) {
                int[] closing = runs.get(close);
                spans.put(runs.get(r)[0], closing[0] + closing[1]);
                r = close; // runs inside the span are code
            }
        }
        return spans;
    }

    /** The marker opening at {@code open}, or null if the bracket opens none. */
    private static Marker markerAt(String text, int open) {
        List<Integer> numbers = new ArrayList<>(1);
        int i = open + 1;
        while (true) {
            int start = i;
            long value = 0;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = Math.min(TOO_LARGE, value * 10 + (text.charAt(i) - '0'));
                i++;
            }
            if (i == start || i == text.length()) {
                return null;
            }
            numbers.add((int) value);
            char c = text.charAt(i);
            if (c == ']') {
                return new Marker(open, i + 1, List.copyOf(numbers));
            }
            if (c != ',' && c != ';') {
                return null;
            }
            i++;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
    }

    // ---- the cleaned text ------------------------------------------------------------------------------------

    private static String clean(String text, List<Marker> markers, int sourceCount) {
        CleanText out = new CleanText();
        int last = 0;
        for (Marker m : markers) {
            out.append(text, last, m.start());
            last = m.end();
            List<Integer> valid = m.numbers().stream().filter(n -> isValid(n, sourceCount)).toList();
            if (valid.size() == m.numbers().size()) {
                out.append(text, m.start(), m.end());
            } else if (!valid.isEmpty()) {
                out.append("[" + String.join(", ", valid.stream().map(String::valueOf).toList()) + "]");
            } else if (!out.removeBefore(text, m.end())) {
                out.append(text, m.start(), m.end());
            }
        }
        out.append(text, last, text.length());
        return out.toString().strip();
    }

    /** The cleaned text being built, tracking what a removal could fuse with. */
    private static final class CleanText {
        private final StringBuilder sb = new StringBuilder();
        /**
         * Where an unclosed {@code [} followed only by digits, separators, spaces and tabs starts; -1 if none. Tabs
         * count because dropping the space before a removed marker may drop them too.
         */
        private int openBracket = -1;

        void append(String s) {
            append(s, 0, s.length());
        }

        void append(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == '[') {
                    openBracket = sb.length();
                } else if (!(c >= '0' && c <= '9') && c != ',' && c != ';' && c != ' ' && c != '\t') {
                    openBracket = -1;
                }
                sb.append(c);
            }
        }

        /**
         * Drops the space before a removed marker if punctuation, a space or the end follows it, and reports whether
         * the removal is safe; if it is not, nothing is dropped.
         */
        boolean removeBefore(String text, int next) {
            int kept = sb.length();
            if (next == text.length() || endsClause(text.charAt(next))) {
                while (kept > 0 && (sb.charAt(kept - 1) == ' ' || sb.charAt(kept - 1) == '\t')) {
                    kept--;
                }
            }
            boolean fusesMarker = openBracket >= 0; // "[1" + "]..." would become a marker
            boolean fusesCode = kept > 0 && sb.charAt(kept - 1) == '`' && next < text.length() && text.charAt(next) == '`';
            if (fusesMarker || fusesCode) {
                return false;
            }
            sb.setLength(kept);
            return true;
        }

        private static boolean endsClause(char c) {
            return Character.isWhitespace(c) || ".,;:!?)]}\"'»”’…".indexOf(c) >= 0;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    // ---- claims ----------------------------------------------------------------------------------------------

    private static List<ParsedClaim> claims(String text, List<Marker> markers, int sourceCount) {
        // The text without any marker, and where each marker stood in it.
        StringBuilder bare = new StringBuilder(text.length());
        int[] positions = new int[markers.size()];
        int last = 0;
        for (int k = 0; k < markers.size(); k++) {
            Marker m = markers.get(k);
            bare.append(text, last, m.start());
            last = m.end();
            if (m.end() == text.length() || CleanText.endsClause(text.charAt(m.end()))) {
                while (!bare.isEmpty() && (bare.charAt(bare.length() - 1) == ' ' || bare.charAt(bare.length() - 1) == '\t')) {
                    bare.setLength(bare.length() - 1);
                }
                for (int j = k - 1; j >= 0 && positions[j] > bare.length(); j--) {
                    positions[j] = bare.length(); // earlier markers in the dropped space stand where it was
                }
            }
            positions[k] = bare.length();
        }
        bare.append(text, last, text.length());
        // Stripped, so that the cleaned text (stripped too) splits into the very same sentences.
        int lead = 0;
        while (lead < bare.length() && Character.isWhitespace(bare.charAt(lead))) {
            lead++;
        }
        String plain = bare.toString().strip();
        for (int k = 0; k < positions.length; k++) {
            positions[k] = Math.clamp(positions[k] - lead, 0, plain.length());
        }

        List<SentenceSplitter.Span> spans = SentenceSplitter.split(plain, true);
        List<TreeSet<Integer>> cites = new ArrayList<>();
        spans.forEach(s -> cites.add(new TreeSet<>()));
        int span = 0;
        for (int k = 0; k < markers.size() && !spans.isEmpty(); k++) {
            // The last sentence starting before the marker: the one it ends or sits in.
            while (span + 1 < spans.size() && spans.get(span + 1).start() < positions[k]) {
                span++;
            }
            for (int n : markers.get(k).numbers()) {
                if (isValid(n, sourceCount)) {
                    cites.get(span).add(n);
                }
            }
        }

        List<String> texts = new ArrayList<>();
        List<TreeSet<Integer>> numbers = new ArrayList<>();
        TreeSet<Integer> pending = new TreeSet<>(); // cited before the first claim
        for (int s = 0; s < spans.size(); s++) {
            String sentence = SentenceSplitter.normalizeWhitespace(spans.get(s).in(plain));
            if (SentenceSplitter.hasWords(sentence)) {
                texts.add(sentence);
                numbers.add(cites.get(s));
                numbers.getLast().addAll(pending);
                pending.clear();
            } else {
                (numbers.isEmpty() ? pending : numbers.getLast()).addAll(cites.get(s));
            }
        }
        List<ParsedClaim> claims = new ArrayList<>(texts.size());
        for (int c = 0; c < texts.size(); c++) {
            claims.add(new ParsedClaim(texts.get(c), List.copyOf(numbers.get(c))));
        }
        return claims;
    }
}
