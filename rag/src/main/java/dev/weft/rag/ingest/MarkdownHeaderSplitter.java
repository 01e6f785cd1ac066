package dev.weft.rag.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@link Splitter#markdownHeaders()}: sections at ATX headers, each through the {@link SpanChunker}. */
final class MarkdownHeaderSplitter implements Splitter {
    private final SpanChunker chunker;
    private final String settings;

    MarkdownHeaderSplitter(SpanChunker chunker, String settings) {
        this.chunker = chunker;
        this.settings = settings;
    }

    @Override
    public List<Chunk> split(Document document) {
        String text = document.text();
        List<Chunk> chunks = new ArrayList<>();
        for (MarkdownSections.Section section : MarkdownSections.of(text)) {
            Map<String, Object> headers = headerMetadata(section.headers());
            for (Span span : chunker.chunk(text, section.span().start(), section.span().end())) {
                chunks.add(ChunkFactory.create(document, chunks.size(), span, headers));
            }
        }
        return chunks;
    }

    private static Map<String, Object> headerMetadata(String[] headers) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i++) {
            if (headers[i] != null) {
                values.put("h" + (i + 1), headers[i]);
            }
        }
        String path = Stream.of(headers).filter(Objects::nonNull).filter(h -> !h.isEmpty()).collect(Collectors.joining(" > "));
        if (!path.isEmpty()) {
            values.put(Chunk.SECTION, path);
        }
        return values;
    }

    @Override
    public String fingerprint() {
        return "markdownHeaders(" + settings + ")";
    }

    @Override
    public String toString() {
        return fingerprint();
    }
}
