package dev.weft.rag.ingest;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an HTML element: block elements become paragraphs separated by a blank line, list items
 * and table rows lines, {@code <br>} a line break, runs of whitespace one space, and {@code <pre>} is kept as
 * written. A splitter can then cut at paragraphs and sentences, which {@link Element#text()} (one long line) loses.
 */
final class HtmlText implements NodeVisitor {
    private static final Set<String> PARAGRAPHS = Set.of("address", "article", "blockquote", "body", "dd", "details",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "main", "ol", "p", "pre", "section", "summary", "table", "ul");
    private static final Set<String> LINES = Set.of("li", "tr", "caption", "br");
    private static final Set<String> CELLS = Set.of("td", "th");

    private final StringBuilder out = new StringBuilder();
    private int pendingBreaks;
    private boolean pendingSpace;

    private HtmlText() {}

    static String of(Element root) {
        HtmlText visitor = new HtmlText();
        root.traverse(visitor);
        return visitor.out.toString();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            if (insidePre(text)) {
                emit(text.getWholeText());
            } else {
                appendCollapsed(text.getWholeText());
            }
        } else if (node instanceof Element element) {
            String tag = element.normalName();
            if (PARAGRAPHS.contains(tag)) {
                requestBreaks(2);
            } else if (LINES.contains(tag)) {
                requestBreaks(1);
            } else if (CELLS.contains(tag) && element.elementSiblingIndex() > 0) {
                pendingSpace = true;
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            String tag = element.normalName();
            if (PARAGRAPHS.contains(tag)) {
                requestBreaks(2);
            } else if (LINES.contains(tag)) {
                requestBreaks(1);
            }
        }
    }

    private void appendCollapsed(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pendingSpace = true;
            } else {
                emit(Character.toString(c));
            }
            i += Character.charCount(c);
        }
    }

    private void emit(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            if (pendingBreaks > 0) {
                out.append("\n".repeat(pendingBreaks));
            } else if (pendingSpace) {
                out.append(' ');
            }
        }
        pendingBreaks = 0;
        pendingSpace = false;
        out.append(text);
    }

    private void requestBreaks(int breaks) {
        pendingBreaks = Math.max(pendingBreaks, breaks);
    }

    private static boolean insidePre(TextNode text) {
        for (Node n = text.parent(); n != null; n = n.parent()) {
            if (n instanceof Element e && e.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }
}
