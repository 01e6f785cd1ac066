package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.weft.core.chat.Message;
import dev.weft.core.chat.UserMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template syntax as documented on {@link Prompt}: tags, literal braces, escapes, role sections. */
class TemplateSyntaxTest {

    private static String render(String body, Map<String, ?> values) {
        Prompt prompt = Prompt.parse("t.prompt", "---\nid: t\nversion: 1\n---\n" + body);
        List<Message> messages = prompt.messages(values);
        assertThat(messages).hasSize(1);
        return ((UserMessage) messages.getFirst()).text();
    }

    @Test
    void tagsMayHoldBlanksAroundTheName() {
        assertThat(render("{{a}}|{{ a }}|{{\ta\t}}|{{  _b9 }}", Map.of("a", "A", "_b9", "B"))).isEqualTo("A|A|A|B");
    }

    @Test
    void jsonBracesAreLiteral() {
        String body = "Reply as {\"answer\": {\"text\": \"...\"}} or {{\"a\": 1}} or {{ }} or {{}} about {{{topic}}}.";
        assertThat(render(body, Map.of("topic", "cats")))
                .isEqualTo("Reply as {\"answer\": {\"text\": \"...\"}} or {{\"a\": 1}} or {{ }} or {{}} about {cats}.");
    }

    @ParameterizedTest(name = "{0} renders {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\\{{x}}|{{x}}",
        "\\\\{{x}}|\\X",
        "\\\\\\{{x}}|\\{{x}}",
        "\\\\\\\\{{x}}|\\\\X",
        "a\\b\\\\c {{x}}|a\\b\\\\c X",
        "\\{{ \"json\" }}|\\{{ \"json\" }}",
        "C:\\temp\\|C:\\temp\\",
        "\\{{{x}}|\\{X",
    })
    void backslashesEscapeOnlyRightBeforeATag(String body, String rendered) {
        Prompt prompt = Prompt.parse("t.prompt", "---\nid: t\nversion: 1\n---\n" + body);
        Map<String, String> values = prompt.variables().isEmpty() ? Map.of() : Map.of("x", "X");

        assertThat(prompt.messages(values)).containsExactly(Message.user(rendered));
    }

    @Test
    void valuesAreInsertedAsTheyAreAndNeverExpanded() {
        assertThat(render("{{a}} {{b}}", Map.of("a", "{{b}}", "b", "\\{{a}} $1")))
                .isEqualTo("{{b}} \\{{a}} $1");
    }

    @Test
    void valuesOfAnyTypeAreTurnedIntoText() {
        assertThat(render("{{n}} {{flag}}", Map.of("n", 42, "flag", true))).isEqualTo("42 true");
    }

    @Test
    void malformedTagNamesItsLineAndColumn() {
        String file = "---\nid: t\nversion: 1\n---\nfirst line\nsecond {{ user.name }} line\n";

        PromptParseException e = catchThrowableOfType(PromptParseException.class, () -> Prompt.parse("bad.prompt", file));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.source()).isEqualTo("bad.prompt");
        assertThat(e).hasMessageStartingWith("bad.prompt:6: malformed variable tag '{{user' at column 8")
                .hasMessageContaining("expected '}}' at column 15 but found '.'")
                .hasMessageContaining("write '\\{{'");
    }

    @Test
    void unclosedTagAtTheEndIsMalformed() {
        PromptParseException e = catchThrowableOfType(PromptParseException.class,
                () -> Prompt.parse("bad.prompt", "---\nid: t\nversion: 1\n---\n[user]\nhi {{name"));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e).hasMessageContaining("found the end of the text");
    }

    @Test
    void roleMarkersSplitTheBodyIntoMessages() {
        Prompt prompt = Prompt.parse("roles.prompt", """
                ---
                id: roles
                version: 1
                ---

                [system]
                You translate to {{language}}.

                [user]
                cheese

                [assistant]
                fromage
                [user]\t
                  [user]
                {{text}}

                """);

        assertThat(prompt.messages(Map.of("language", "French", "text", "bread"))).containsExactly(
                Message.system("You translate to French."),
                Message.user("cheese"),
                Message.assistant("fromage"),
                Message.user("  [user]\nbread"));
    }

    @Test
    void withoutMarkersTheBodyIsOneUserMessageWithoutSurroundingBlankLines() {
        assertThat(Prompt.parse("p", "---\nid: p\nversion: 1\n---\n\n  \nline one\n\n  indented\n\n\n").messages(Map.of()))
                .containsExactly(Message.user("line one\n\n  indented"));
    }

    @Test
    void textBeforeTheFirstMarkerIsRefused() {
        PromptParseException e = catchThrowableOfType(PromptParseException.class,
                () -> Prompt.parse("p", "---\nid: p\nversion: 1\n---\n\nstray\n[system]\nhello\n"));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e).hasMessageContaining("text before the first role marker");
    }

    @Test
    void anEmptySectionIsRefused() {
        PromptParseException e = catchThrowableOfType(PromptParseException.class,
                () -> Prompt.parse("p", "---\nid: p\nversion: 1\n---\n[system]\n\n[user]\nhi\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e).hasMessageContaining("the [system] section is empty");
    }

    @Test
    void anEmptyBodyIsRefused() {
        PromptParseException e = catchThrowableOfType(PromptParseException.class,
                () -> Prompt.parse("p", "---\nid: p\nversion: 1\n---\n  \n"));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessageContaining("the prompt has no body");
    }

    @Test
    void unicodeOfEveryPlaneIsAcceptedInTheBody() {
        String text = "Grüße, 你好, مرحبا, 🙂🧵, \u0000\u0007\u2028\uFEFF, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 {{who}}";

        assertThat(render(text, Map.of("who", "𓂀"))).isEqualTo(text.replace("{{who}}", "𓂀"));
    }
}
