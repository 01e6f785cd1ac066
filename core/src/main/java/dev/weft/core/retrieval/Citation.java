package dev.weft.core.retrieval;

/**
 * Where a retrieved chunk came from, for showing to a person.
 *
 * @param chunkId the chunk's id
 * @param source a path or URI; empty when unknown
 * @param title the document's title; empty when unknown
 * @param page the page, from 1; 0 when unknown or not paged
 */
public record Citation(String chunkId, String source, String title, int page) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(title.isEmpty() ? (source.isEmpty() ? chunkId : source) : title);
        if (page > 0) {
            sb.append(", p. ").append(page);
        }
        return sb.toString();
    }
}
