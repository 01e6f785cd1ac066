/** Ingestion: sources, loaders (text, Markdown, HTML, PDF), token-sized splitters and the incremental embedding pipeline. */
package dev.weft.rag.ingest;
