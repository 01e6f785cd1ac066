package dev.weft.core.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the flat subset of YAML that front matter allows, line by line, with errors naming the line. The subset:
 * <ul>
 *   <li>each line is blank, a comment ({@code # …}, may be indented), or {@code key: value} starting at column 1;
 *       a key is a letter or {@code _} then letters, digits, {@code _} or {@code -}, and appears once;</li>
 *   <li>a value may instead be a block scalar: {@code key: |} (literal) or {@code key: >} (folded), optionally
 *       followed by a comment, then the value's lines indented with spaces below the key (read by
 *       {@link BlockScalar}; inside a block, {@code #} is text);</li>
 *   <li>a value is a plain text (up to a {@code  #} comment, trailing blanks dropped), a double-quoted text with
 *       JSON escapes ({@code \" \\ \/ \b \f \n \r \t} and <code>&#92;uXXXX</code>), a single-quoted text ({@code ''} is a quote), or a
 *       one-line flow list {@code [a, "b", 'c']} of such texts;</li>
 *   <li>everything else YAML has is refused with a message saying what to write instead: nesting and block
 *       lists, block scalar indicators ({@code |-}, {@code >+}, {@code |2}), flow maps, anchors, aliases, tags,
 *       empty values, and plain texts holding {@code ": "} (which YAML would read as a nested map).</li>
 * </ul>
 * Stateless.
 */
final class FrontMatterReader {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final String source;
    private final String text;
    private final int line;
    private int pos;
    /** The style of the block scalar that the line opens, or null when its value is on the line. */
    private FrontMatter.Style block;

    private FrontMatterReader(String source, String text, int line) {
        this.source = source;
        this.text = text;
        this.line = line;
    }

    /**
     * Reads {@code lines}, the first of which is line {@code firstLine} of {@code source}.
     *
     * @throws PromptParseException naming the first line that breaks the subset
     */
    static FrontMatter read(List<String> lines, int firstLine, String source) {
        Map<String, FrontMatter.Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = firstLine + i;
            String raw = lines.get(i);
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            FrontMatterReader reader = new FrontMatterReader(source, raw, number);
            FrontMatter.Entry entry = reader.entry();
            if (reader.block != null) {
                BlockScalar.Read block = BlockScalar.read(lines, i + 1, firstLine, entry.key(), number, reader.block, source);
                entry = new FrontMatter.Entry(entry.key(), new FrontMatter.Text(block.text(), reader.block), number);
                i = block.next() - 1;
            }
            FrontMatter.Entry previous = entries.putIfAbsent(entry.key(), entry);
            if (previous != null) {
                throw error(source, number, "key '" + entry.key() + "' appears twice, first on line " + previous.line()
                        + ". Keep one of them");
            }
        }
        return new FrontMatter(entries);
    }

    private FrontMatter.Entry entry() {
        if (Character.isWhitespace(text.charAt(0))) {
            throw fail("indented line. Front matter is flat: one 'key: value' per line starting at column 1, "
                    + "lists written inline as [a, b]; indented lines belong only under 'key: |' or 'key: >'");
        }
        int colon = text.indexOf(':');
        String key = colon < 0 ? text.strip() : text.substring(0, colon);
        if (text.startsWith("- ")) {
            throw fail("block list item. Write lists inline, such as stop: [\"###\", \"END\"]");
        }
        if (colon < 0 || !KEY.matcher(key).matches()) {
            throw fail("expected 'key: value' with a key of letters, digits, '_' or '-', but found '" + abbreviate(text) + "'");
        }
        pos = colon + 1;
        if (pos < text.length() && text.charAt(pos) != ' ' && text.charAt(pos) != '\t') {
            throw fail("expected a space after '" + key + ":'");
        }
        skipBlanks();
        if (atEndOrComment()) {
            throw fail("key '" + key + "' has no value. Nested values and block lists are not supported; "
                    + "write the value on the same line, lists as [a, b], or several lines as '" + key + ": |' "
                    + "followed by indented lines");
        }
        if (text.charAt(pos) == '|' || text.charAt(pos) == '>') {
            return blockHeader(key);
        }
        FrontMatter.Value value = text.charAt(pos) == '[' ? items(key) : scalar(key, false);
        int end = pos;
        skipBlanks();
        if (pos < text.length() && (text.charAt(pos) != '#' || pos == end)) {
            throw fail("unexpected text after the value of '" + key + "': '" + abbreviate(text.substring(pos)) + "'");
        }
        return new FrontMatter.Entry(key, value, line);
    }

    /** {@code key: |} or {@code key: >}, optionally with a comment; the caller reads the block's lines. */
    private FrontMatter.Entry blockHeader(String key) {
        char indicator = text.charAt(pos++);
        block = indicator == '|' ? FrontMatter.Style.LITERAL : FrontMatter.Style.FOLDED;
        if (pos < text.length() && text.charAt(pos) != ' ' && text.charAt(pos) != '\t') {
            char c = text.charAt(pos);
            if (c == '-' || c == '+' || Character.isDigit(c)) {
                throw fail("block scalar indicators such as '" + indicator + c + "' are not supported. Write '" + key
                        + ": " + indicator + "' and indent the value's lines with spaces; the value keeps one final "
                        + "line break");
            }
            throw fail("unexpected text after '" + key + ": " + indicator + "'. A block scalar's lines go below the key, "
                    + "indented");
        }
        skipBlanks();
        if (!atEndOrComment()) {
            throw fail("unexpected text after '" + key + ": " + indicator + "': '" + abbreviate(text.substring(pos))
                    + "'. A block scalar's lines go below the key, indented");
        }
        return new FrontMatter.Entry(key, new FrontMatter.Text("", block), line);
    }

    private FrontMatter.Items items(String key) {
        pos++;
        List<FrontMatter.Text> items = new ArrayList<>();
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            return new FrontMatter.Items(items);
        }
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                throw fail("the list of '" + key + "' is not closed with ']'. Lists are written on one line");
            }
            if (text.charAt(pos) == ',' || text.charAt(pos) == ']') {
                throw fail("empty item in the list of '" + key + "'. Quote an empty text as \"\"");
            }
            items.add(scalar(key, true));
            skipBlanks();
            if (pos >= text.length()) {
                throw fail("the list of '" + key + "' is not closed with ']'. Lists are written on one line");
            }
            char c = text.charAt(pos++);
            if (c == ']') {
                return new FrontMatter.Items(items);
            }
            if (c != ',') {
                throw fail("expected ',' or ']' in the list of '" + key + "' but found '" + c + "'");
            }
        }
    }

    private FrontMatter.Text scalar(String key, boolean inList) {
        char first = text.charAt(pos);
        if (first == '"') {
            return new FrontMatter.Text(doubleQuoted(key), FrontMatter.Style.QUOTED);
        }
        if (first == '\'') {
            return new FrontMatter.Text(singleQuoted(key), FrontMatter.Style.QUOTED);
        }
        refuseIndicator(key, first);
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#' && Character.isWhitespace(text.charAt(pos - 1))) {
                break;
            }
            if (inList && (c == ',' || c == ']' || c == '[' || c == '{' || c == '}')) {
                break;
            }
            if (c == ':' && (pos + 1 == text.length() || text.charAt(pos + 1) == ' ' || text.charAt(pos + 1) == '\t')) {
                throw fail("the value of '" + key + "' holds ': ', which YAML reads as a nested map. Quote the value");
            }
            pos++;
        }
        String value = text.substring(start, pos).stripTrailing();
        pos = start + value.length();
        return new FrontMatter.Text(value, FrontMatter.Style.PLAIN);
    }

    private void refuseIndicator(String key, char first) {
        switch (first) {
            case '|', '>' -> throw fail("a list item cannot be a block scalar ('" + first + "'). Quote the item in the "
                    + "list of '" + key + "'");
            case '{' -> throw fail("flow maps ('{') are not supported in the value of '" + key + "'");
            case '&', '*', '!' -> throw fail("anchors, aliases and tags ('" + first + "') are not supported in the value of '"
                    + key + "'. Quote the value if it is text");
            case '@', '`', '%' -> throw fail("a plain value cannot start with '" + first + "'. Quote the value of '" + key + "'");
            case '-' -> {
                if (pos + 1 == text.length() || text.charAt(pos + 1) == ' ') {
                    throw fail("block lists are not supported. Write lists inline, such as " + key + ": [a, b]");
                }
            }
            default -> { }
        }
    }

    private String doubleQuoted(String key) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9A-Fa-f]{4}")) {
                        throw fail("'\\u' in the value of '" + key + "' must be followed by four hex digits");
                    }
                    out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                    pos += 4;
                }
                default -> throw fail("unsupported escape '\\" + e + "' in the value of '" + key
                        + "'. Supported: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
        throw fail("the double-quoted value of '" + key + "' is not closed. Quoted values end on the same line");
    }

    private String singleQuoted(String key) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    out.append('\'');
                    pos++;
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
        throw fail("the single-quoted value of '" + key + "' is not closed. Quoted values end on the same line");
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean atEndOrComment() {
        return pos >= text.length() || text.charAt(pos) == '#';
    }

    private PromptParseException fail(String detail) {
        return error(source, line, detail);
    }

    private static PromptParseException error(String source, int line, String detail) {
        return new PromptParseException(source, line, detail);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
