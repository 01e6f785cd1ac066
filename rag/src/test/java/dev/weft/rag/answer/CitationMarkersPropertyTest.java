package dev.weft.rag.answer;

import dev.weft.testing.Generated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Citation-marker parsing over generated texts; each case's seed is in its name. Over arbitrary texts (brackets,
 * digits, separators, backticks, line breaks, non-ASCII and unpaired surrogates) parsing never throws, cites only
 * chunks in range, and its cleaned text is a fixed point. Over texts built from known markers and near-miss noise,
 * it finds exactly the markers put in.
 */
class CitationMarkersPropertyTest {
    private static final String[] WILD = {"[", "]", ",", ";", " ", "  ", "\n", "\r\n", "`", "``", "```", ".", "!", "?",
        "0", "1", "2", "3", "7", "12", "99999999999", "[1]", "[2, 3]", "[0]", "[4;1]", "word", "é", "日本", "🙂",
        "\uD800", "\uDC00", "\u0000", "\t", "١", "［", "］", "-", "e.g.", "Dr."};

    /** A text, and how many chunks its markers may cite. */
    record Wild(String text, int sources) {
        @Override
        public String toString() {
            return "Wild[text=" + javaLiteral(text) + ", sources=" + sources + "]";
        }
    }

    /** {@code s} as a Java string literal, so that a failing case can be pasted into a test. */
    static String javaLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    static Stream<Arguments> wildTexts() {
        return Generated.cases(300, r -> {
            StringBuilder sb = new StringBuilder();
            int pieces = r.intRange(0, 60);
            for (int i = 0; i < pieces; i++) {
                sb.append(r.trueOrFalse(0.9) ? r.oneOf(WILD) : String.valueOf(r.character()));
            }
            return new Wild(sb.toString(), r.intRange(0, 8));
        });
    }

    @ParameterizedTest
    @MethodSource("wildTexts")
    void neverThrowsAndCitesOnlyChunksInRange(Wild wild) {
        CitationMarkers.Parsed parsed = CitationMarkers.parse(wild.text(), wild.sources());

        assertThat(parsed.invalidCitations()).isNotNegative();
        for (CitationMarkers.ParsedClaim claim : parsed.claims()) {
            assertThat(claim.numbers()).as("claim %s of %s", claim, wild)
                    .allSatisfy(n -> assertThat(n).isBetween(1, wild.sources()))
                    .doesNotHaveDuplicates().isSorted();
            assertThat(SentenceSplitter.hasWords(claim.text())).isTrue();
        }
        CitationMarkers.Parsed again = CitationMarkers.parse(parsed.text(), wild.sources());
        assertThat(again.text()).as("cleaning %s is a fixed point", wild).isEqualTo(parsed.text());
        assertThat(again.claims()).as("the cleaned text of %s cites the same", wild).isEqualTo(parsed.claims());
        assertThat(again.invalidCitations()).isLessThanOrEqualTo(parsed.invalidCitations());
    }

    private static final String[] WORDS = {"Paris", "naïve", "日本語", "Straße", "data", "42", "x1", "e.g.", "🙂ok", "Dr."};
    private static final String[] PUNCTUATION = {".", ",", "!", "?", "—", "(", ")", ":", "…"};
    /** Brackets that are not markers and cannot become one next to a space, a line break or a marker. */
    private static final String[] NOISE = {"[", "]", "[]", "[x]", "[1-2]", "[,]", "[1,]", "[ 1]", "[1 ]", "[١]", "(1)",
        "1]", "[1", "{2}", "［1］", "[a1]", "[1 ,2]"};
    private static final String[] SEPARATORS = {",", ", ", ";", "; ", ",  "};

    /** A text built from known markers, and what they cite. */
    record Built(String text, int sources, Set<Integer> validNumbers, int invalidNumbers) {
        @Override
        public String toString() {
            return "Built[text=" + javaLiteral(text) + ", sources=" + sources + ", validNumbers=" + validNumbers
                    + ", invalidNumbers=" + invalidNumbers + "]";
        }
    }

    static Stream<Arguments> builtTexts() {
        return Generated.cases(300, r -> {
            int sources = r.intRange(0, 6);
            StringBuilder sb = new StringBuilder(r.oneOf(WORDS));
            Set<Integer> valid = new TreeSet<>();
            int invalid = 0;
            int pieces = r.intRange(0, 40);
            for (int i = 0; i < pieces; i++) {
                int kind = r.intRange(0, 3);
                if (kind == 3) { // a marker, glued to what precedes it or not
                    List<String> numbers = new ArrayList<>();
                    for (int k = r.intRange(1, 3); k > 0; k--) {
                        boolean huge = r.trueOrFalse(0.05);
                        int n = huge ? -1 : r.intRange(0, sources + 3);
                        numbers.add(huge ? "99999999999" : String.valueOf(n));
                        if (n >= 1 && n <= sources) {
                            valid.add(n);
                        } else {
                            invalid++;
                        }
                    }
                    StringBuilder marker = new StringBuilder("[").append(numbers.getFirst());
                    numbers.stream().skip(1).forEach(n -> marker.append(r.oneOf(SEPARATORS)).append(n));
                    sb.append(r.trueOrFalse() ? "" : " ").append(marker).append(']');
                } else {
                    String piece = kind == 0 ? r.oneOf(WORDS) : kind == 1 ? r.oneOf(PUNCTUATION) : r.oneOf(NOISE);
                    sb.append(r.trueOrFalse(0.85) ? " " : "\n").append(piece);
                }
            }
            return new Built(sb.toString(), sources, valid, invalid);
        });
    }

    @ParameterizedTest
    @MethodSource("builtTexts")
    void findsExactlyTheMarkersPutIn(Built built) {
        CitationMarkers.Parsed parsed = CitationMarkers.parse(built.text(), built.sources());

        assertThat(parsed.invalidCitations()).as("%s", built).isEqualTo(built.invalidNumbers());
        Set<Integer> cited = new TreeSet<>();
        parsed.claims().forEach(c -> cited.addAll(c.numbers()));
        assertThat(cited).as("%s", built).isEqualTo(built.validNumbers());
    }
}
