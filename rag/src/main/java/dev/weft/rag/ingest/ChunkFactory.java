package dev.weft.rag.ingest;

import dev.weft.core.retrieval.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a span of a document into a {@link Chunk} with the document's metadata, its position and its pages. */
final class ChunkFactory {
    private ChunkFactory() {}

    static Chunk create(Document document, int index, Span span, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>(document.metadata().asMap());
        values.putAll(extra);
        values.put(Chunk.DOCUMENT_ID, document.id());
        values.put(Chunk.INDEX, index);
        values.put(Chunk.START, span.start());
        values.put(Chunk.END, span.end());
        int firstPage = document.pageAt(span.start());
        if (firstPage > 0) {
            values.put(Metadata.PAGE, firstPage);
            int lastPage = document.pageAt(span.end() - 1);
            if (lastPage != firstPage) {
                values.put(Chunk.LAST_PAGE, lastPage);
            }
        }
        return new Chunk(document.id(), index, span.of(document.text()), span.start(), span.end(), Metadata.of(values));
    }
}
