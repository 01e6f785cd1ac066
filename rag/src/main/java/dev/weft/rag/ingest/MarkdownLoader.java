package dev.weft.rag.ingest;

import dev.weft.core.retrieval.Metadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link DocumentLoader#markdown()}. */
final class MarkdownLoader implements DocumentLoader {
    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/markdown", "text/x-markdown");
    }

    @Override
    public Document load(RawDocument raw) {
        String text = TextDecoding.decode(raw.bytesNoCopy());
        String title = null;
        int bodyStart = frontMatterEnd(text);
        if (bodyStart > 0) {
            title = frontMatterTitle(text.substring(0, bodyStart));
            text = text.substring(bodyStart);
        }
        if (title == null) {
            title = MarkdownSections.of(text).stream()
                    .map(s -> s.headers()[0])
                    .filter(h -> h != null && !h.isEmpty())
                    .findFirst().orElse(null);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(Metadata.SOURCE, raw.location());
        metadata.put(Document.FORMAT, format());
        if (title != null) {
            metadata.put(Metadata.TITLE, title);
        }
        return new Document(raw.id(), text, Metadata.of(metadata), List.of(), raw.contentHash());
    }

    /** Where the text after a leading {@code ---} … {@code ---} (or {@code ...}) block begins; 0 when there is none. */
    private static int frontMatterEnd(String text) {
        if (!text.startsWith("---\n")) {
            return 0;
        }
        int lineStart = 4;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).strip();
            if (line.equals("---") || line.equals("...")) {
                return lineEnd < 0 ? text.length() : lineEnd + 1;
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return 0; // never closed: not front matter
    }

    private static String frontMatterTitle(String frontMatter) {
        for (String line : frontMatter.split("\n")) {
            if (line.startsWith("title:")) {
                String value = line.substring("title:".length()).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1).strip();
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
