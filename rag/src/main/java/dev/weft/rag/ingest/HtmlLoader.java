package dev.weft.rag.ingest;

import dev.weft.core.retrieval.Metadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** {@link DocumentLoader#html()}. */
final class HtmlLoader implements DocumentLoader {
    /** Never main text, wherever they are. */
    private static final String NOISE = "script, style, noscript, template, iframe, object, embed, svg, canvas, form, "
            + "button, select, nav, aside, footer, dialog, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";

    @Override
    public String format() {
        return "html";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("html", "htm", "xhtml");
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/html", "application/xhtml+xml");
    }

    @Override
    public Document load(RawDocument raw) throws IOException {
        // jsoup reads the charset from a byte order mark or <meta charset>, else UTF-8.
        org.jsoup.nodes.Document page = Jsoup.parse(new ByteArrayInputStream(raw.bytesNoCopy()), null, raw.location());
        String title = title(page);
        page.select(NOISE).remove();
        for (Element header : page.select("header")) {
            if (header.closest("main, article, [role=main]") == null) {
                header.remove();
            }
        }
        String text = HtmlText.of(content(page));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(Metadata.SOURCE, raw.location());
        metadata.put(Document.FORMAT, format());
        if (!title.isEmpty()) {
            metadata.put(Metadata.TITLE, title);
        }
        return new Document(raw.id(), text, Metadata.of(metadata), List.of(), raw.contentHash());
    }

    private static String title(org.jsoup.nodes.Document page) {
        String title = page.title().strip();
        if (title.isEmpty()) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        return title;
    }

    private static Element content(org.jsoup.nodes.Document page) {
        Element main = page.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        Elements articles = page.select("article");
        if (articles.size() == 1) {
            return articles.getFirst();
        }
        return page.body();
    }
}
