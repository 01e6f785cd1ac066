package dev.weft.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered sources of an answer prompt, read back out of the user message a chat server received: blocks
 * headed {@code [n] title | source | page n}, then the chunk's text, with {@code Question: ...} last.
 *
 * @param sources the blocks, in the order they were sent
 * @param question the text after {@code Question: }
 */
record PromptSources(List<Source> sources, String question) {
    private static final Pattern HEADER = Pattern.compile("(?m)^\\[(\\d+)](?: (.*))?$");
    private static final String QUESTION = "\n\nQuestion: ";

    /** One numbered source: its number, its header's label ({@code title | source}) and its text. */
    record Source(int number, String label, String text) {
        /** What the command prints for this source: the label's first part, the title or else the source. */
        String citation() {
            int bar = label.indexOf(" | ");
            return bar < 0 ? label : label.substring(0, bar);
        }
    }

    static PromptSources parse(String userMessage) {
        if (!userMessage.startsWith("Sources:\n\n") || !userMessage.contains(QUESTION)) {
            throw new AssertionError("not an answer prompt:\n" + userMessage);
        }
        int questionAt = userMessage.lastIndexOf(QUESTION);
        String body = userMessage.substring(0, questionAt);
        Matcher m = HEADER.matcher(body);
        List<int[]> headers = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<String[]> parts = new ArrayList<>();
        while (m.find()) {
            headers.add(new int[] {m.start(), m.end()});
            parts.add(new String[] {m.group(1), m.group(2) == null ? "" : m.group(2)});
        }
        for (int i = 0; i < headers.size(); i++) {
            int textEnd = i + 1 < headers.size() ? headers.get(i + 1)[0] : body.length();
            String text = body.substring(headers.get(i)[1], textEnd).strip();
            sources.add(new Source(Integer.parseInt(parts.get(i)[0]), parts.get(i)[1], text));
        }
        return new PromptSources(List.copyOf(sources), userMessage.substring(questionAt + QUESTION.length()));
    }

    /** The number of the first source whose label names {@code file}. */
    int numberOf(String file) {
        return sources.stream().filter(s -> s.label().contains(file)).mapToInt(Source::number).findFirst()
                .orElseThrow(() -> new AssertionError("no source from " + file + " among " + labels()));
    }

    /** The number of the first source whose label does not name {@code file}. */
    int numberOfAnotherThan(String file) {
        return sources.stream().filter(s -> !s.label().contains(file)).mapToInt(Source::number).findFirst()
                .orElseThrow(() -> new AssertionError("every source is from " + file + ": " + labels()));
    }

    /** Source {@code number}. */
    Source get(int number) {
        return sources.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no source [" + number + "] among " + labels()));
    }

    List<String> labels() {
        return sources.stream().map(s -> "[" + s.number() + "] " + s.label()).toList();
    }
}
