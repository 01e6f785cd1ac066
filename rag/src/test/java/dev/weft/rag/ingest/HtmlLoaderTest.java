package dev.weft.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.retrieval.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlLoaderTest {

    private static Document load(String id, String html) throws IOException {
        return DocumentLoader.html().load(RawDocument.of(id, id, "text/html", html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsTheMainTextAndDropsThePagesNoise() throws IOException {
        Document doc = DocumentLoader.html().load(RawDocument.of("orchard.html", "site/orchard.html", null, Fixtures.resource("orchard.html")));

        assertThat(doc.title()).contains("Pruning Apple Trees");
        assertThat(doc.metadata().asMap()).containsEntry(Metadata.SOURCE, "site/orchard.html").containsEntry(Document.FORMAT, "html");
        assertThat(doc.text()).isEqualTo("""
                Pruning Apple Trees

                Prune apple trees in late winter, while they are dormant and before the buds swell.

                Remove dead, diseased and crossing branches first, then thin the crown so that light reaches the fruit.

                Tools

                Bypass secateurs for shoots
                A pruning saw for limbs

                Clean the blades between trees to avoid spreading canker.
                Sharpen them every season.""");
        assertThat(doc.text()).doesNotContain("Orchard Weekly", "Archive", "Breadcrumbs", "tracking", "font-family",
                "Popular posts", "Related", "Posted in", "Cookie");
    }

    @Test
    void withoutMainTakesTheOnlyArticleElseTheBody() throws IOException {
        Document article = load("a.html", "<body><nav>menu</nav><p>outside</p><article><h1>Heading</h1><p>inside</p></article></body>");
        assertThat(article.text()).isEqualTo("Heading\n\ninside");
        assertThat(article.title()).contains("Heading"); // no <title>: the first <h1>

        Document body = load("b.html", "<title> T </title><header>site</header><div>one</div><div>two <b>bold</b>  words</div><footer>f</footer>");
        assertThat(body.text()).isEqualTo("one\n\ntwo bold words");
        assertThat(body.title()).contains("T");
    }

    @Test
    void keepsPreformattedTextAsWrittenAndTablesAsRows() throws IOException {
        Document doc = load("c.html", "<main><pre>line 1\n  indented</pre><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></main>");
        assertThat(doc.text()).isEqualTo("line 1\n  indented\n\na b\nc d");
    }

    @Test
    void anEmptyPageHasNoTextAndNoTitle() throws IOException {
        Document doc = load("e.html", "<html><body><nav>only navigation</nav></body></html>");
        assertThat(doc.text()).isEmpty();
        assertThat(doc.title()).isEmpty();
    }
}
