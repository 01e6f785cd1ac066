package dev.weft.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.Message;
import dev.weft.core.chat.SystemMessage;
import dev.weft.core.chat.UserMessage;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated prompt files (role sections of literal text in any Unicode, with syntax characters and escapes, and
 * variables) render exactly the text that was escaped into them, with any generated values.
 */
class TemplateRoundTripPropertyTest {

    /** A generated prompt file and what it must render to. */
    record Case(String file, Map<String, String> values, List<Message> expected, List<String> variables) {}

    static Stream<Arguments> prompts() {
        return Generated.cases(200, TemplateRoundTripPropertyTest::generate);
    }

    static Case generate(Random random) {
        List<String> names = new ArrayList<>();
        for (int i = random.intRange(1, 4); i > 0; i--) {
            names.add(TemplateTexts.name(random));
        }
        boolean markers = random.trueOrFalse();
        int sections = markers ? random.intRange(1, 3) : 1;
        StringBuilder body = new StringBuilder();
        List<List<TemplateTexts.Piece>> pieces = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        LinkedHashSet<String> used = new LinkedHashSet<>();
        for (int s = 0; s < sections; s++) {
            String role = markers ? random.oneOf("system", "user", "assistant") : "user";
            List<TemplateTexts.Piece> section = TemplateTexts.pieces(random, names);
            section.stream().filter(p -> p instanceof TemplateTexts.Var).forEach(p -> used.add(((TemplateTexts.Var) p).name()));
            if (markers) {
                body.append(random.oneOf("", "\n")).append('[').append(role).append(']').append(random.oneOf("", " ")).append('\n');
            }
            body.append(random.oneOf("", "\n", " \n")).append(TemplateTexts.template(section, random))
                    .append(markers ? random.oneOf("\n", "\n\n", "\n \n") : random.oneOf("", "\n", "\n\n"));
            pieces.add(section);
            roles.add(role);
        }
        List<String> usedNames = new ArrayList<>(used);
        Map<String, String> values = TemplateTexts.values(random, usedNames);
        List<Message> expected = new ArrayList<>();
        for (int s = 0; s < sections; s++) {
            String text = TemplateTexts.rendered(pieces.get(s), values);
            expected.add(switch (roles.get(s)) {
                case "system" -> new SystemMessage(text);
                case "assistant" -> AssistantMessage.of(text);
                default -> new UserMessage(text);
            });
        }
        StringBuilder file = new StringBuilder("---\nid: generated\nversion: 1\n");
        if (random.trueOrFalse()) {
            List<String> declared = new ArrayList<>(usedNames);
            for (int i = declared.size() - 1; i > 0; i--) {
                Collections.swap(declared, i, random.intRange(0, i));
            }
            file.append("variables: [").append(String.join(", ", declared)).append("]\n");
        }
        file.append("---\n").append(body);
        return new Case(file.toString(), values, expected, usedNames);
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void renderingGivesBackTheEscapedTextAndTheValues(Case c) {
        Prompt prompt = Prompt.parse("generated.prompt", c.file());

        assertThat(prompt.variables()).containsExactlyInAnyOrderElementsOf(c.variables());
        assertThat(prompt.messages(c.values())).as("file:%n%s", c.file()).isEqualTo(c.expected());
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void crlfLineEndingsRenderAndHashLikeLf(Case c) {
        Prompt lf = Prompt.parse("lf.prompt", c.file());
        Prompt crlf = Prompt.parse("crlf.prompt", c.file().replace("\n", "\r\n"));

        assertThat(crlf.hash()).isEqualTo(lf.hash());
        assertThat(crlf.messages(c.values())).isEqualTo(lf.messages(c.values()));
    }
}
