package dev.weft.rag.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts Markdown at its ATX headers into sections that tile the text: each section runs from a header line (or
 * the start of the text) to the next header line, and knows the headers it sits under. Lines inside fenced code
 * blocks ({@code ```} or {@code ~~~}) are never headers.
 */
final class MarkdownSections {
    static final int LEVELS = 6;

    /** A section and its enclosing headers: {@code headers[0]} is the h1, null where a level is not set. */
    record Section(Span span, String[] headers) {}

    private MarkdownSections() {}

    static List<Section> of(String text) {
        List<Section> sections = new ArrayList<>();
        String[] headers = new String[LEVELS];
        int sectionStart = 0;
        char fence = 0;
        int fenceLength = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            String line = text.substring(lineStart, lineEnd);
            int indent = indent(line);
            String body = indent <= 3 ? line.substring(indent) : "";
            int fenceRun = run(body, body.isEmpty() ? 0 : body.charAt(0));
            if (fence == 0 && fenceRun >= 3 && (body.charAt(0) == '`' || body.charAt(0) == '~')) {
                fence = body.charAt(0);
                fenceLength = fenceRun;
            } else if (fence != 0) {
                if (fenceRun >= fenceLength && body.charAt(0) == fence && body.substring(fenceRun).isBlank()) {
                    fence = 0;
                }
            } else {
                int level = run(body, '#');
                if (level >= 1 && level <= LEVELS && (body.length() == level || body.charAt(level) == ' ' || body.charAt(level) == '\t')) {
                    if (lineStart > sectionStart) {
                        sections.add(new Section(new Span(sectionStart, lineStart), headers.clone()));
                    }
                    sectionStart = lineStart;
                    headers[level - 1] = headerText(body.substring(level));
                    Arrays.fill(headers, level, LEVELS, null);
                }
            }
            lineStart = lineEnd + 1;
        }
        if (sectionStart < text.length() || sections.isEmpty()) {
            sections.add(new Section(new Span(sectionStart, text.length()), headers.clone()));
        }
        return sections;
    }

    /** The header's text: trimmed, without a closing sequence of {@code #}s. */
    private static String headerText(String rest) {
        String text = rest.strip();
        int closing = text.length();
        while (closing > 0 && text.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing == 0) {
            return "";
        }
        if (closing < text.length() && (text.charAt(closing - 1) == ' ' || text.charAt(closing - 1) == '\t')) {
            text = text.substring(0, closing).strip();
        }
        return text;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int run(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i;
    }
}
