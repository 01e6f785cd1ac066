package dev.weft.rag.ingest;

import dev.weft.core.retrieval.Metadata;
import java.util.List;
import java.util.Set;

/** {@link DocumentLoader#text()}. */
final class TextLoader implements DocumentLoader {
    @Override
    public String format() {
        return "text";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("txt", "text");
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/plain");
    }

    @Override
    public Document load(RawDocument raw) {
        String text = TextDecoding.decode(raw.bytesNoCopy());
        return new Document(raw.id(), text, Metadata.of(Metadata.SOURCE, raw.location(), Document.FORMAT, format()),
                List.of(), raw.contentHash());
    }
}
