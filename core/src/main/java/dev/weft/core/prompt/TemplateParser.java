package dev.weft.core.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads template text into a {@link Template}. The rules (documented for authors in {@link Prompt}):
 * <ul>
 *   <li><code>{{</code> opens a variable tag when it is followed, after optional spaces or tabs, by a letter or
 *       {@code _}; the tag is then a name of letters, digits and {@code _}, optional spaces or tabs, and
 *       <code>}}</code>. Anything else in such a tag is an error naming its line and column.</li>
 *   <li>Every other <code>{</code> and <code>}</code> is literal, so JSON such as {@code {"a": {"b": 1}}} needs no escaping.</li>
 *   <li>Backslashes are literal except in a run right before a tag opener: a run of {@code k} backslashes there
 *       renders {@code k / 2} backslashes, and when {@code k} is odd the opener is literal text. So {@code \{{x}}}
 *       renders {@code {{x}}} and {@code \\{{x}}} renders a backslash followed by the value of {@code x}.</li>
 * </ul>
 * Stateless.
 */
final class TemplateParser {
    private TemplateParser() {}

    /**
     * Parses {@code text}, whose first character is on line {@code firstLine} of {@code source}.
     *
     * @throws PromptParseException naming the line and column of a malformed tag
     */
    static Template parse(String text, String source, int firstLine) {
        List<Template.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int line = firstLine;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                int j = i;
                while (j < n && text.charAt(j) == '\\') {
                    j++;
                }
                if (opensTag(text, j)) {
                    int run = j - i;
                    literal.append("\\".repeat(run / 2));
                    if (run % 2 == 1) {
                        literal.append("{{");
                        i = j + 2;
                    } else {
                        i = j;
                    }
                } else {
                    literal.append(text, i, j);
                    i = j;
                }
                continue;
            }
            if (c == '{' && opensTag(text, i)) {
                int column = i - lineStart + 1;
                int p = skipBlanks(text, i + 2);
                int nameStart = p;
                while (p < n && isNameChar(text.charAt(p))) {
                    p++;
                }
                String name = text.substring(nameStart, p);
                p = skipBlanks(text, p);
                if (!text.startsWith("}}", p)) {
                    int badColumn = p - lineStart + 1;
                    String found = p < n ? "'" + printable(text.codePointAt(p)) + "'" : "the end of the text";
                    throw new PromptParseException(source, line, "malformed variable tag '{{" + name + "' at column " + column
                            + ": expected '}}' at column " + badColumn + " but found " + found
                            + ". Variable names are letters, digits and '_'; to write '{{' literally, write '\\{{'");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Template.Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Template.Variable(name, line));
                i = p + 2;
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            literal.append(c);
            i++;
        }
        if (!literal.isEmpty()) {
            parts.add(new Template.Literal(literal.toString()));
        }
        return new Template(parts);
    }

    /** Whether a tag opens at {@code i}: <code>{{</code>, optional blanks, then a letter or {@code _}. */
    static boolean opensTag(String text, int i) {
        if (!text.startsWith("{{", i)) {
            return false;
        }
        int p = skipBlanks(text, i + 2);
        return p < text.length() && isNameStart(text.charAt(p));
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** A code point as it can be shown in a message: control characters as {@code U+XXXX}. */
    static String printable(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) && codePoint != ' '
                ? String.format("U+%04X", codePoint)
                : Character.toString(codePoint);
    }
}
