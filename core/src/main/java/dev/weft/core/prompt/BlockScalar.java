package dev.weft.core.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a front matter block scalar, {@code key: |} (literal) or {@code key: >} (folded), as YAML 1.2
 * does with its default "clip" chomping: the block is every line after the key's up to the first non-blank line that
 * starts at column 1; its indentation is the first non-blank line's; the value keeps exactly one final line break.
 * Strict where YAML is lenient or where a mistake is likely: an empty block, a tab in the indentation, a line indented
 * less than the first, and a leading blank line indented more than the first are errors naming the line. Stateless.
 */
final class BlockScalar {
    private BlockScalar() {}

    /** The block's value, and the index of the first line after it. */
    record Read(String text, int next) {}

    /**
     * Reads the block that starts at {@code lines[from]}.
     *
     * @param firstLine the file line number of {@code lines[0]}
     * @param keyLine the file line number of the key with the block indicator
     * @param style {@link FrontMatter.Style#LITERAL} or {@link FrontMatter.Style#FOLDED}
     */
    static Read read(List<String> lines, int from, int firstLine, String key, int keyLine, FrontMatter.Style style,
            String source) {
        int indent = -1;
        int end = from;
        for (; end < lines.size(); end++) {
            String line = lines.get(end);
            int spaces = leadingSpaces(line);
            if (spaces == line.length()) {
                continue;
            }
            char first = line.charAt(spaces);
            if (spaces == 0 && first != '\t') {
                break;
            }
            if (first == '\t' && (indent < 0 || spaces < indent)) {
                throw new PromptParseException(source, firstLine + end, "tab in the indentation of the block of '" + key
                        + "'. Indent block lines with spaces only");
            }
            if (indent < 0) {
                indent = spaces;
            } else if (spaces < indent) {
                throw new PromptParseException(source, firstLine + end, "this line of the block of '" + key + "' is "
                        + "indented " + spaces + " spaces, less than its first line (" + indent + "). Indent every line "
                        + "of a block at least as much as its first");
            }
        }
        if (indent < 0) {
            throw new PromptParseException(source, keyLine, "the block scalar of '" + key + "' is empty: block scalars "
                    + "need at least one non-blank line below the key, indented with spaces");
        }
        for (int i = from; leadingSpaces(lines.get(i)) == lines.get(i).length(); i++) {
            if (lines.get(i).length() > indent) {
                throw new PromptParseException(source, firstLine + i, "this blank line at the start of the block of '"
                        + key + "' has more spaces than the block's first line. Remove its spaces");
            }
        }
        List<String> content = new ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            String line = lines.get(i);
            content.add(line.length() <= indent ? "" : line.substring(indent));
        }
        while (content.getLast().isEmpty()) {
            content.removeLast();
        }
        String text = style == FrontMatter.Style.FOLDED ? folded(content) : String.join("\n", content) + "\n";
        return new Read(text, end);
    }

    /**
     * YAML folding: a line break between two text lines becomes a space, or, when blank lines separate them, one line
     * break per blank line; breaks next to a more-indented line (one starting with a blank) are kept.
     */
    private static String folded(List<String> content) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        int blanks = 0;
        for (String line : content) {
            if (line.isEmpty()) {
                blanks++;
                continue;
            }
            if (previous == null) {
                out.append("\n".repeat(blanks));
            } else if (isText(previous) && isText(line)) {
                out.append(blanks == 0 ? " " : "\n".repeat(blanks));
            } else {
                out.append("\n".repeat(blanks + 1));
            }
            out.append(line);
            previous = line;
            blanks = 0;
        }
        return out.append('\n').toString();
    }

    private static boolean isText(String line) {
        return line.charAt(0) != ' ' && line.charAt(0) != '\t';
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
