package dev.weft.rag.ingest;

import java.io.IOException;
import java.util.Set;

/**
 * Turns the bytes of one file into a {@link Document}: the SPI for formats. A loader sets the document's id and
 * {@link dev.weft.core.retrieval.Metadata#SOURCE} from the {@link RawDocument}, its content hash to
 * {@link RawDocument#contentHash()}, {@link Document#FORMAT}, and a title where the format has one.
 * {@link DocumentLoaders} picks a loader by extension, then by media type. Implementations are thread-safe.
 *
 * <pre>{@code
 * DocumentLoaders loaders = DocumentLoaders.defaults().with(new MyDocxLoader());
 * }</pre>
 */
public interface DocumentLoader {

    /** The format's short name, recorded as {@link Document#FORMAT}: {@code text}, {@code pdf}… */
    String format();

    /** File extensions it reads, lower case, without the dot. */
    Set<String> extensions();

    /** Media types it reads, lower case, without parameters, such as {@code text/html}. */
    Set<String> mediaTypes();

    /**
     * Reads {@code raw}.
     *
     * @throws IOException or any runtime exception when the bytes are not a readable document of this format; the
     *     pipeline reports the file as failed, keeps what it had stored for it and goes on with the others
     */
    Document load(RawDocument raw) throws IOException;

    /**
     * Plain text ({@code txt}, {@code text}, {@code text/plain}): UTF-8 unless a byte order mark says UTF-16;
     * malformed bytes become U+FFFD; line breaks become {@code \n}. No title.
     */
    static DocumentLoader text() {
        return new TextLoader();
    }

    /**
     * Markdown ({@code md}, {@code markdown}, {@code text/markdown}), kept as Markdown so that the header splitter
     * sees its headers. A leading YAML front matter block is removed from the text; the title is its
     * {@code title:}, else the first level-1 header.
     */
    static DocumentLoader markdown() {
        return new MarkdownLoader();
    }

    /**
     * HTML ({@code html}, {@code htm}, {@code xhtml}, {@code text/html}) through jsoup, main text only: scripts,
     * styles, navigation, asides, forms, hidden elements and footers are dropped, and headers unless inside the
     * content; the content is {@code <main>}, else the page's only {@code <article>}, else the body. Blocks become
     * paragraphs separated by blank lines. The title is {@code <title>}, else the first {@code <h1>}.
     */
    static DocumentLoader html() {
        return new HtmlLoader();
    }

    /**
     * PDF ({@code pdf}, {@code application/pdf}) through PDFBox: one document per file, its pages' text joined by a
     * blank line, with {@link Document#pageStarts()} so that every chunk knows its page. The title is the
     * document information's title when set. Scanned pages without a text layer give no text (no OCR).
     */
    static DocumentLoader pdf() {
        return new PdfLoader();
    }
}
