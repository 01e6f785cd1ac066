package dev.weft.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> split(String text, boolean lineBreaksEndSentences) {
        return SentenceSplitter.split(text, lineBreaksEndSentences).stream().map(s -> s.in(text)).toList();
    }

    @Test
    void inChunksSingleLineBreaksAreWrapsAndBlankLinesEndSentences() {
        String chunk = "The cat sat\non the mat. The dog ran.\r\nIt was fast\n\n  Heading\n\r\nNext part";

        assertThat(split(chunk, false)).containsExactly("The cat sat\non the mat.", "The dog ran.", "It was fast",
                "Heading", "Next part");
    }

    @Test
    void inAnswersEveryLineBreakEndsASentence() {
        assertThat(split("Intro: two items\n- first\r\n- second. Done", true))
                .containsExactly("Intro: two items", "- first", "- second.", "Done");
    }

    @Test
    void spansExcludeSurroundingWhitespaceAndBlankTextHasNone() {
        assertThat(split("   One.   Two!  ", true)).containsExactly("One.", "Two!");
        assertThat(split(" \n\t\n ", false)).isEmpty();
        assertThat(split("", true)).isEmpty();
    }

    @Test
    void nonLatinScriptsSplitToo() {
        assertThat(split("日本語の文です。二番目の文です。", false)).containsExactly("日本語の文です。", "二番目の文です。");
    }
}
