package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.testing.Texts;
import dev.weft.testing.Generated;
import java.util.Locale;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link AnswerNormaliser#DEFAULT}: idempotent over generated text rich in white space, punctuation and characters
 * whose case mapping is unusual, and blind to case, spacing and trailing punctuation. The case's seed is in its name.
 */
class AnswerNormaliserPropertyTest {
    private static final AnswerNormaliser N = AnswerNormaliser.DEFAULT;
    private static final String[] AWKWARD = {" ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "\u2028", ".", "!", "?", "…",
        "\u3002", "\uFF01", ")", "\"", "-", "ß", "ẞ", "İ", "ı", "ſ", "ǅ", "Σ", "ς", "ŉ", "ǰ", "ﬃ", "K", "Å", "ΐ"};

    static Stream<Arguments> texts() {
        return Generated.cases(200, AnswerNormaliserPropertyTest::text);
    }

    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        int parts = r.intRange(0, 12);
        for (int i = 0; i < parts; i++) {
            sb.append(r.trueOrFalse() ? r.oneOf(AWKWARD) : Texts.text(r, 6));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void normalisingTwiceChangesNothing(String text) {
        String once = N.normalise(text);

        assertThat(N.normalise(once)).as("normal form of %s", text).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void caseSpacingAndTrailingPunctuationDoNotMatter(String text) {
        String variant = "\u00A0 " + text.toUpperCase(Locale.ROOT).replace(" ", " \t ") + " ?!. ";

        assertThat(N.normalise(variant)).as("variant of %s", text).isEqualTo(N.normalise(text.toUpperCase(Locale.ROOT)));
    }

    @Test
    void examples() {
        assertThat(N.normalise("  The answer is  Paris. ")).isEqualTo("the answer is paris");
        assertThat(N.normalise("STRASSE")).isEqualTo(N.normalise("straße"));
        assertThat(N.normalise("42!!!")).isEqualTo("42");
        assertThat(N.normalise("\u00A0x\u2003\u2003y\u3000")).isEqualTo("x y");
        assertThat(N.normalise("(a)")).isEqualTo("(a");
        assertThat(N.normalise(" ... ")).isEmpty();
        assertThat(N.normalise("")).isEmpty();
    }
}
