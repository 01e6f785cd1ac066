package dev.weft.rag.lucene;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.FullTextSearch;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.TextQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * BM25 over the chunks' text: the query text goes through the store's analyzer, each distinct term becomes a
 * {@code SHOULD} clause boosted by how often it occurs (a bag of words, as Lucene's classic query parser and
 * Anserini build it), and the filter is a non-scoring {@code FILTER} clause of the same query. Hits are ordered
 * by descending BM25 score, then ascending id.
 */
final class Bm25Search implements FullTextSearch {
    private static final Sort BY_SCORE_THEN_ID =
            new Sort(SortField.FIELD_SCORE, new SortField(ChunkDocuments.ID, SortField.Type.STRING));

    private final LuceneStore store;
    private final Analyzer analyzer;
    private final HitLoader loader;

    Bm25Search(LuceneStore store, Analyzer analyzer, int dimension) {
        this.store = store;
        this.analyzer = analyzer;
        this.loader = new HitLoader(dimension);
    }

    @Override
    public List<SearchHit> search(TextQuery query) {
        if (query == null) {
            throw new InvalidInputException("query must not be null");
        }
        return store.read(searcher -> { // analyses inside, as the store's own analyzer closes with it
            Query terms = termsOf(query.text());
            if (terms == null) {
                return List.of(); // nothing searchable left after analysis (blank, or only stop words)
            }
            Query scored = query.filter() == null ? terms : new BooleanQuery.Builder()
                    .add(terms, Occur.MUST)
                    .add(FilterQueries.toQuery(query.filter()), Occur.FILTER)
                    .build();
            return search(searcher, scored, query.topK());
        });
    }

    private List<SearchHit> search(IndexSearcher searcher, Query query, int topK) throws IOException {
        ScoreDoc[] hits = searcher.search(query, topK, BY_SCORE_THEN_ID, true).scoreDocs;
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        List<StoredChunk> chunks = loader.load(searcher, docs);
        List<SearchHit> result = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            result.add(new SearchHit(chunks.get(i), hits[i].score));
        }
        return result;
    }

    /** The bag-of-words query of {@code text}, or null when the analyzer leaves no terms. */
    private Query termsOf(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(ChunkDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query held in memory failed", e);
        }
        if (counts.isEmpty()) {
            return null;
        }
        if (counts.size() > IndexSearcher.getMaxClauseCount()) {
            throw new InvalidInputException("the full-text query has " + counts.size() + " distinct terms; at most "
                    + IndexSearcher.getMaxClauseCount() + " are allowed. Shorten the query text.");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        counts.forEach((t, n) -> {
            Query q = new TermQuery(new Term(ChunkDocuments.TEXT, t));
            any.add(n == 1 ? q : new BoostQuery(q, n), Occur.SHOULD);
        });
        return any.build();
    }
}
