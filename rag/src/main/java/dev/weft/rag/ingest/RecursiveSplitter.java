package dev.weft.rag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link Splitter#recursive()}: the whole text through the {@link SpanChunker}. */
final class RecursiveSplitter implements Splitter {
    private final SpanChunker chunker;
    private final String settings;

    RecursiveSplitter(SpanChunker chunker, String settings) {
        this.chunker = chunker;
        this.settings = settings;
    }

    @Override
    public List<Chunk> split(Document document) {
        List<Span> spans = chunker.chunk(document.text(), 0, document.text().length());
        List<Chunk> chunks = new ArrayList<>(spans.size());
        for (Span span : spans) {
            chunks.add(ChunkFactory.create(document, chunks.size(), span, Map.of()));
        }
        return chunks;
    }

    @Override
    public String fingerprint() {
        return "recursive(" + settings + ")";
    }

    @Override
    public String toString() {
        return fingerprint();
    }
}
