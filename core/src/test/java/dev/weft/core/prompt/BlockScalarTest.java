package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Front matter block scalars, {@code key: |} and {@code key: >}: what they read as, and the errors. */
class BlockScalarTest {

    private static String description(String frontMatterTail) {
        return Prompt.parse("b.prompt", "---\nid: b\nversion: 1\n" + frontMatterTail + "---\nbody\n").description();
    }

    private static PromptParseException failure(String frontMatterTail) {
        return catchThrowableOfType(PromptParseException.class,
                () -> Prompt.parse("b.prompt", "---\nid: b\nversion: 1\n" + frontMatterTail + "---\nbody\n"));
    }

    @Test
    void aLiteralBlockKeepsLineBreaksAndMoreIndentationAndClipsToOneFinalBreak() {
        assertThat(description("""
                description: |   # a comment after the indicator
                  first line
                    indented # not a comment

                  after a blank line\s\s


                model: gpt
                """)).isEqualTo("first line\n  indented # not a comment\n\nafter a blank line  \n");
    }

    @Test
    void aFoldedBlockJoinsLinesWithSpacesKeepsBlankLinesAsBreaksAndKeepsMoreIndentedLines() {
        assertThat(description("""
                description: >
                  Sorts a ticket
                  into a queue.

                  Second paragraph
                  goes on.
                    kept as is
                  last
                """)).isEqualTo("Sorts a ticket into a queue.\nSecond paragraph goes on.\n  kept as is\nlast\n");
    }

    @Test
    void leadingBlankLinesAreKeptAndTheBlockEndsAtTheFirstLineAtColumnOne() {
        assertThat(description("""
                description: |

                   three spaces of indentation
                # a comment at column 1 ends the block
                model: gpt
                """)).isEqualTo("\nthree spaces of indentation\n");
    }

    @Test
    void aBlockMayEndTheFrontMatter() {
        Prompt prompt = Prompt.parse("b.prompt", "---\nid: b\nversion: 1\nx-notes: |\n  one\n  two\n---\nbody\n");

        assertThat(prompt.metadata()).containsEntry("x-notes", "one\ntwo\n");
        assertThat(prompt.messages(java.util.Map.of())).containsExactly(dev.weft.core.chat.Message.user("body"));
    }

    @Test
    void aBlockValueIsNeverReadAsANumber() {
        PromptParseException e = failure("temperature: |\n  0.5\n");

        assertThat(e).hasMessage("b.prompt:4: 'temperature' must be a number, written without quotes");
    }

    @Test
    void anEmptyBlockIsReportedOnTheKeyLine() {
        assertThat(failure("description: |\nmodel: gpt\n")).hasMessageStartingWith("b.prompt:4: the block scalar of "
                + "'description' is empty");
        assertThat(failure("description: >\n   \n\n")).hasMessageStartingWith("b.prompt:4: the block scalar of "
                + "'description' is empty");
    }

    @Test
    void aTabInTheIndentationIsReportedOnItsLine() {
        assertThat(failure("description: |\n  one\n\ttwo\n")).hasMessage("b.prompt:6: tab in the indentation of the "
                + "block of 'description'. Indent block lines with spaces only");
        assertThat(failure("description: |\n \tone\n").line()).isEqualTo(5);
        assertThat(description("description: |\n  one\n  \ttab after the indentation is text\n"))
                .isEqualTo("one\n\ttab after the indentation is text\n");
    }

    @Test
    void aLineIndentedLessThanTheFirstIsReportedOnItsLine() {
        assertThat(failure("description: |\n    one\n  two\n")).hasMessage("b.prompt:6: this line of the block of "
                + "'description' is indented 2 spaces, less than its first line (4). Indent every line of a block at "
                + "least as much as its first");
    }

    @Test
    void aLeadingBlankLineWithMoreSpacesThanTheFirstLineIsReported() {
        assertThat(failure("description: |\n      \n  one\n")).hasMessageStartingWith("b.prompt:5: this blank line at "
                + "the start of the block of 'description' has more spaces than the block's first line");
    }

    @Test
    void anIndentedLineOutsideABlockStillSaysHowToWriteABlock() {
        assertThat(failure("description: one\n  two\n")).hasMessageContaining("b.prompt:5: indented line")
                .hasMessageContaining("'key: |'");
    }
}
