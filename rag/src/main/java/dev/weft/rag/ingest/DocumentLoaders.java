package dev.weft.rag.ingest;

import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The loaders a pipeline chooses from, by file extension first and media type second; for a type two loaders
 * claim, the one added last wins. Immutable and thread-safe.
 *
 * <pre>{@code
 * DocumentLoaders loaders = DocumentLoaders.defaults();            // text, Markdown, HTML, PDF
 * Optional<DocumentLoader> loader = loaders.find(raw);
 * }</pre>
 */
public final class DocumentLoaders {
    private final List<DocumentLoader> loaders; // later entries take precedence

    private DocumentLoaders(List<DocumentLoader> loaders) {
        this.loaders = List.copyOf(loaders);
    }

    /** Plain text, Markdown, HTML and PDF. */
    public static DocumentLoaders defaults() {
        return of(DocumentLoader.text(), DocumentLoader.markdown(), DocumentLoader.html(), DocumentLoader.pdf());
    }

    /** Exactly {@code loaders}; on a type two of them claim, the later one wins. */
    public static DocumentLoaders of(DocumentLoader... loaders) {
        return new DocumentLoaders(Preconditions.immutableList(List.of(loaders), "loaders"));
    }

    /** A copy to which {@code loader} is added, taking precedence for the types it claims. */
    public DocumentLoaders with(DocumentLoader loader) {
        Preconditions.notNull(loader, "loader");
        List<DocumentLoader> copy = new ArrayList<>(loaders);
        copy.add(loader);
        return new DocumentLoaders(copy);
    }

    /** The loader for {@code raw}'s extension, else for its media type; empty when none reads it. */
    public Optional<DocumentLoader> find(RawDocument raw) {
        String extension = raw.extension();
        if (!extension.isEmpty()) {
            for (DocumentLoader loader : loaders.reversed()) {
                if (loader.extensions().contains(extension)) {
                    return Optional.of(loader);
                }
            }
        }
        Optional<String> mediaType = raw.mediaType().map(t -> t.toLowerCase(Locale.ROOT));
        if (mediaType.isPresent()) {
            for (DocumentLoader loader : loaders.reversed()) {
                if (loader.mediaTypes().contains(mediaType.get())) {
                    return Optional.of(loader);
                }
            }
        }
        return Optional.empty();
    }

    /** The loaders, in order of precedence from lowest to highest. */
    public List<DocumentLoader> loaders() {
        return loaders;
    }

    @Override
    public String toString() {
        return "DocumentLoaders" + loaders.stream().map(DocumentLoader::format).toList();
    }
}
