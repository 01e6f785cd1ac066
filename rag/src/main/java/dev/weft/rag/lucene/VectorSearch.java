package dev.weft.rag.lucene;

import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.Similarity;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Nearest-neighbour search with the filter inside it, approximate (HNSW) or exact (a scan), returning hits on
 * core's similarity scale.
 *
 * <p><b>Scores.</b> Lucene scores float vectors on its own non-negative scales: {@code (1 + cos) / 2} for cosine
 * and, for the inner product ({@code MAXIMUM_INNER_PRODUCT}, which unlike Lucene's {@code DOT_PRODUCT} needs no
 * unit vectors), {@code dot + 1} when {@code dot >= 0} and {@code 1 / (1 - dot)} below. Those scores only choose
 * the candidates here: every candidate is then rescored with {@link Similarity#compute} on its full-precision
 * vector, in double precision, exactly as {@code InMemoryVectorStore} scores it, so scores are cosine in [-1, 1]
 * or the raw dot product, and order is descending score then ascending id.
 */
final class VectorSearch {
    private static final Comparator<SearchHit> RANKING =
            Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.chunk().id());
    private static final Sort BY_ID = new Sort(new SortField(ChunkDocuments.ID, SortField.Type.STRING));

    private final Similarity similarity;
    private final HitLoader loader;
    private final ExactVectorScan exact;
    private final boolean exactSearch;
    private final double oversample;
    private final int efSearch;

    VectorSearch(Similarity similarity, int dimension, boolean exactSearch, double oversample, int efSearch) {
        this.similarity = similarity;
        this.loader = new HitLoader(dimension);
        this.exact = new ExactVectorScan(similarity, dimension);
        this.exactSearch = exactSearch;
        this.oversample = oversample;
        this.efSearch = efSearch;
    }

    List<SearchHit> search(IndexSearcher searcher, VectorQuery query) throws IOException {
        float[] target = query.vector();
        Query filter = query.filter() == null ? null : FilterQueries.toQuery(query.filter());
        int[] candidates = exactSearch
                ? exact.topDocs(searcher, target, filter, query.topK(), query.minScore())
                : approximateCandidates(searcher, target, filter, query.topK());
        // Score every candidate on its full-precision vector first, and read the stored fields (the costly part:
        // a compressed block per document) only of those that can be returned: with oversampling (2x by default
        // when quantised) half the candidates are dropped here.
        float[][] vectors = loader.vectors(searcher, candidates);
        ToDoubleFunction<float[]> score = similarity.scorer(target);
        double[] scores = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            scores[i] = score.applyAsDouble(vectors[i]);
        }
        int[] kept = best(scores, query.topK(), query.minScore());
        int[] docs = new int[kept.length];
        float[][] keptVectors = new float[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            docs[i] = candidates[kept[i]];
            keptVectors[i] = vectors[kept[i]];
        }
        List<StoredChunk> chunks = loader.load(searcher, docs, keptVectors);
        List<SearchHit> hits = new ArrayList<>(kept.length);
        for (int i = 0; i < kept.length; i++) {
            hits.add(new SearchHit(chunks.get(i), scores[kept[i]]));
        }
        hits.sort(RANKING);
        return hits.size() > query.topK() ? List.copyOf(hits.subList(0, query.topK())) : List.copyOf(hits);
    }

    /**
     * Positions of the {@code topK} best scores at or above {@code minScore}, plus any tied with the last of them:
     * ties are broken by id, which only the stored fields hold.
     */
    private static int[] best(double[] scores, int topK, double minScore) {
        Integer[] order = IntStream.range(0, scores.length).filter(i -> scores[i] >= minScore).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a])).toArray(Integer[]::new);
        int keep = Math.min(topK, order.length);
        while (keep > 0 && keep < order.length && scores[order[keep]] == scores[order[keep - 1]]) {
            keep++;
        }
        int[] kept = new int[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = order[i];
        }
        return kept;
    }

    /**
     * The HNSW candidates: the graph search collects {@code max(efSearch, topK × oversample)} neighbours, of which
     * the {@code topK × oversample} nearest by Lucene's (possibly quantised) score are kept; plus, under cosine, the
     * best {@code topK} by id of the chunks kept out of the graph, whose score is exactly 0.
     */
    private int[] approximateCandidates(IndexSearcher searcher, float[] target, Query filter, int topK) throws IOException {
        if (isZero(target)) {
            // Every similarity with the zero vector is 0: the answer is the first topK matching chunks by id.
            return docs(searcher.search(filter == null ? MatchAllDocsQuery.INSTANCE : filter, topK, BY_ID).scoreDocs);
        }
        int candidates = (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(topK * oversample));
        Set<Integer> docs = new LinkedHashSet<>();
        Query nearest = new KnnFloatVectorQuery(ChunkDocuments.VECTOR, target, Math.max(candidates, efSearch), filter);
        for (ScoreDoc d : searcher.search(nearest, candidates).scoreDocs) {
            docs.add(d.doc);
        }
        Term zeroVector = new Term(ChunkDocuments.ZERO_VECTOR, "true");
        boolean zerosPresent = searcher instanceof ChunkSearcher chunks
                ? chunks.hasZeroVectors() : searcher.getIndexReader().docFreq(zeroVector) > 0;
        if (similarity == Similarity.COSINE && zerosPresent) {
            // Only when the index holds zero vectors (kept out of the graph) is a second, sorted search needed.
            Query zeros = new TermQuery(zeroVector);
            if (filter != null) {
                zeros = new BooleanQuery.Builder().add(zeros, Occur.FILTER).add(filter, Occur.FILTER).build();
            }
            for (ScoreDoc d : searcher.search(zeros, topK, BY_ID).scoreDocs) {
                docs.add(d.doc);
            }
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] docs(ScoreDoc[] hits) {
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        return docs;
    }

    private static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
