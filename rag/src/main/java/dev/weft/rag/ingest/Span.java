package dev.weft.rag.ingest;

/** A half-open range {@code [start, end)} of a text. */
record Span(int start, int end) {
    int length() {
        return end - start;
    }

    String of(String text) {
        return text.substring(start, end);
    }
}
