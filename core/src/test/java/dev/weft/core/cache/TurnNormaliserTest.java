package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.testing.Texts;
import dev.weft.testing.Generated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The final user turn's normalisation: NFKC, trimmed, whitespace collapsed, lower-cased only on request. */
class TurnNormaliserTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.argumentSet("trimmed", "  capital of France \n", "capital of France"),
                Arguments.argumentSet("runs of whitespace collapsed", "capital\t\tof \r\n France", "capital of France"),
                Arguments.argumentSet("no-break and ideographic spaces", "capital\u00A0of\u3000France", "capital of France"),
                Arguments.argumentSet("full-width letters", "Ｆｒａｎｃｅ", "France"),
                Arguments.argumentSet("ligatures", "ﬁnal ﬂight", "final flight"),
                Arguments.argumentSet("composed and decomposed accents", "cafe\u0301", "caf\u00E9"),
                Arguments.argumentSet("case kept", "WHAT is Up", "WHAT is Up"),
                Arguments.argumentSet("only whitespace", " \t\u2028 ", ""));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void normalises(String text, String expected) {
        assertThat(TurnNormaliser.normalise(text, false)).isEqualTo(expected);
    }

    static Stream<Arguments> casings() {
        return Stream.of(
                Arguments.argumentSet("ASCII", "WHAT Is UP", "what is up"),
                Arguments.argumentSet("dotted capital I, as in the root locale", "\u0130STANBUL", "i\u0307stanbul"),
                Arguments.argumentSet("dotless capital I stays a plain i, whatever the default locale", "TITLE", "title"));
    }

    @ParameterizedTest
    @MethodSource("casings")
    void lowerCasesInTheRootLocaleOnRequest(String text, String expected) {
        assertThat(TurnNormaliser.normalise(text, true)).isEqualTo(expected);
    }

    static Stream<Arguments> texts() {
        return Generated.cases(300, r -> Texts.text(r, 60));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void theResultIsTrimmedSingleSpacedAndAFixedPoint(String text) {
        for (boolean lowerCase : new boolean[] {false, true}) {
            String once = TurnNormaliser.normalise(text, lowerCase);
            assertThat(once).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
            assertThat(once.chars().filter(c -> c != ' ').noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))).isTrue();
            assertThat(TurnNormaliser.normalise(once, lowerCase)).isEqualTo(once);
        }
    }

    @ParameterizedTest
    @MethodSource("texts")
    void respacingAWordSequenceDoesNotChangeTheResult(String text) {
        String respaced = "\t " + text.replace(" ", " \u00A0\n ") + "\u3000";
        assertThat(TurnNormaliser.normalise(respaced, false)).isEqualTo(TurnNormaliser.normalise(text, false));
    }
}
