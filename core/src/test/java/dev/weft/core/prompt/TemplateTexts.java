package dev.weft.core.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instancio.Random;

/**
 * Generated template content for property tests, and {@link #escape}, the author's side of the documented escaping
 * rules (written from the {@link Prompt} documentation, independently of {@link TemplateParser}).
 */
final class TemplateTexts {
    private static final String[] MARKERS = {"[system]", "[user]", "[assistant]"};
    /** Characters that matter to the template syntax, drawn often so that every rule is exercised. */
    private static final char[] SPECIAL = {'{', '{', '}', '\\', ' ', '\t', '\n', '[', ']', '#', '-', ':', '"', '\'', 'a', 'Z', '_', '0'};

    private TemplateTexts() {}

    /** A template fragment to be rendered: literal text or a variable. */
    sealed interface Piece permits Text, Var {}

    record Text(String text) implements Piece {}

    record Var(String name) implements Piece {}

    /**
     * How to write literal {@code text} in a template so that it renders as itself, given whether a variable tag
     * follows it: escape each tag opener with one backslash, and double the backslashes in a run right before an
     * opener (escaped or real).
     */
    static String escape(String text, boolean tagFollows) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                int j = i;
                while (j < n && text.charAt(j) == '\\') {
                    j++;
                }
                int run = j - i;
                if (j < n && TemplateParser.opensTag(text, j)) {
                    out.append("\\".repeat(2 * run + 1)).append("{{");
                    i = j + 2;
                } else if (j == n && tagFollows) {
                    out.append("\\".repeat(2 * run));
                    i = j;
                } else {
                    out.append(text, i, j);
                    i = j;
                }
            } else if (TemplateParser.opensTag(text, i)) {
                out.append("\\{{");
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The template text of {@code pieces}: escaped literals and {@code {{name}}} tags with random inner blanks. */
    static String template(List<Piece> pieces, Random random) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < pieces.size(); k++) {
            switch (pieces.get(k)) {
                case Text t -> out.append(escape(t.text(), k + 1 < pieces.size() && pieces.get(k + 1) instanceof Var));
                case Var v -> out.append("{{").append(blanks(random)).append(v.name()).append(blanks(random)).append("}}");
            }
        }
        return out.toString();
    }

    /** What {@code pieces} render to with {@code values}. */
    static String rendered(List<Piece> pieces, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            switch (p) {
                case Text t -> out.append(t.text());
                case Var v -> out.append(values.get(v.name()));
            }
        }
        return out.toString();
    }

    /**
     * Pieces that start and end with non-blank literal text (so no blank line is trimmed), alternate literal and
     * variable, and hold no role marker line.
     */
    static List<Piece> pieces(Random random, List<String> names) {
        List<Piece> pieces = new ArrayList<>();
        int variables = random.intRange(0, 4);
        pieces.add(new Text("<" + literal(random, 0, 30)));
        for (int i = 0; i < variables; i++) {
            pieces.add(new Var(random.oneOf(names)));
            pieces.add(new Text(literal(random, 0, 30)));
        }
        Text last = (Text) pieces.removeLast();
        pieces.add(new Text(last.text() + ">"));
        return pieces;
    }

    /** Literal text mixing syntax characters with any Unicode except {@code \r}, and no role marker. */
    static String literal(Random random, int min, int max) {
        int length = random.intRange(min, max);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.trueOrFalse()) {
                out.append(SPECIAL[random.intRange(0, SPECIAL.length - 1)]);
            } else {
                out.appendCodePoint(codePoint(random));
            }
        }
        String text = out.toString();
        for (String marker : MARKERS) {
            text = text.replace(marker, "(" + marker + ")");
        }
        return text;
    }

    /** Any Unicode scalar value except {@code \r} (line endings are normalised, tested separately). */
    static int codePoint(Random random) {
        while (true) {
            int cp = switch (random.intRange(0, 3)) {
                case 0 -> random.intRange(0, 0x7F);
                case 1 -> random.intRange(0x80, 0x7FF);
                case 2 -> random.intRange(0x800, 0xFFFF);
                default -> random.intRange(0x10000, 0x10FFFF);
            };
            if (cp != '\r' && (cp < 0xD800 || cp > 0xDFFF)) {
                return cp;
            }
        }
    }

    /** A variable name: a letter or {@code _}, then letters, digits and {@code _}. */
    static String name(Random random) {
        String first = random.oneOf("a", "b", "q", "Z", "_", "user", "x");
        return first + random.alphanumeric(random.intRange(0, 6)) + (random.trueOrFalse() ? "_" + random.digits(1) : "");
    }

    /** Values for {@code names} that look like syntax themselves, to show they are never expanded. */
    static Map<String, String> values(Random random, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, random.oneOf("", "{{" + name + "}}", "\\{{x}}", "[user]", "$1 \\ $") + literal(random, 0, 12));
        }
        return values;
    }

    private static String blanks(Random random) {
        return random.oneOf("", "", " ", "  ", "\t");
    }
}
