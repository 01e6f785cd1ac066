package dev.weft.rag.answer;

import dev.weft.core.chat.ChatRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbered source blocks back out of an answer prompt, as a model would see them. */
final class PromptSources {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^\\[(\\d+)\\][^\\n]*\\n.*?(?=\\n\\n\\[\\d+\\]|\\n\\nQuestion: )");

    private PromptSources() {}

    /** Each source's number to its whole block (header line and text), in prompt order. */
    static Map<Integer, String> blocks(ChatRequest request) {
        Map<Integer, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(request.lastUserText());
        while (m.find()) {
            blocks.put(Integer.parseInt(m.group(1)), m.group());
        }
        return blocks;
    }

    /** The number under which the source containing {@code fragment} was given. */
    static int numberOf(ChatRequest request, String fragment) {
        return blocks(request).entrySet().stream().filter(e -> e.getValue().contains(fragment)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no source holds \"" + fragment + "\""));
    }
}
