package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AnswerExtractor}: the whole text, the last number in canonical form, the last match of a pattern. */
class AnswerExtractorTest {

    private static ChatResponse said(String text) {
        return ScriptedChatModel.answer(text, ScriptedChatModel.named("m").info());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "The total is 1,200.50 dollars.  | 1200.5",
        "1200.5                          | 1200.5",
        "+1200.50                        | 1200.5",
        "so x = -3                       | -3",
        "pages 3-4                       | 4",
        "between 2 and 7.                | 7",
        "it costs .5                     | 0.5",
        "-0.00                           | 0",
        "100                             | 100",
        "version v2                      | 2",
        "12,34                           | 34",
        "no digits here                  | NONE",
    })
    void lastNumber(String text, String expected) {
        assertThat(AnswerExtractor.lastNumber().extract(said(text))).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void lastMatchTakesTheFirstGroupOrTheWholeMatch() {
        AnswerExtractor marked = AnswerExtractor.lastMatch(Pattern.compile("Answer:\\s*(\\w+)"));
        AnswerExtractor letters = AnswerExtractor.lastMatch(Pattern.compile("\\([A-D]\\)"));

        assertThat(marked.extract(said("Answer: B\nwait... Answer: C"))).contains("C");
        assertThat(marked.extract(said("no marker"))).isEmpty();
        assertThat(letters.extract(said("(A) or (D)"))).contains("(D)");
        assertThatThrownBy(() -> AnswerExtractor.lastMatch(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theWholeTextAbstainsWhenBlank() {
        assertThat(AnswerExtractor.WHOLE_TEXT.extract(said(" Paris "))).contains(" Paris ");
        assertThat(AnswerExtractor.WHOLE_TEXT.extract(said(" \n"))).isEmpty();
    }
}
