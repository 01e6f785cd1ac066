package dev.weft.rag.ingest;

/**
 * A document the pipeline could not ingest this run; what it had stored for the document before is kept, and the
 * next run tries it again. Immutable.
 *
 * @param documentId the document's id
 * @param location its path or URI
 * @param reason what went wrong, for a person
 */
public record IngestionFailure(String documentId, String location, String reason) {}
