/**
 * Retrieval-augmented generation on Lucene: ingestion, the Lucene store, retrieval (BM25, vector, hybrid,
 * reranking, MMR, packing) and answers with citations.
 */
module dev.weft.rag {
    requires transitive dev.weft.core;
    requires org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;
    requires org.jsoup;
    requires org.apache.pdfbox;
    requires org.slf4j;

    exports dev.weft.rag.cache;
    exports dev.weft.rag.ingest;
    exports dev.weft.rag.lucene;
    exports dev.weft.rag.retrieval;
    exports dev.weft.rag.answer;
}
