package dev.weft.rag.lucene;

import dev.weft.core.retrieval.Similarity;
import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Exact nearest neighbours: scores every live chunk the filter matches with {@link Similarity#compute} on its
 * full-precision vector and keeps the best {@code topK}, ties broken by ascending id, as
 * {@code InMemoryVectorStore} does. Linear in the number of matching chunks.
 */
final class ExactVectorScan {
    /** Worst first, so that the queue's head is the one to drop. */
    private static final Comparator<Scored> WORST_FIRST =
            Comparator.comparingDouble(Scored::score).thenComparing(Scored::id, Comparator.reverseOrder());

    private final Similarity similarity;
    private final int dimension;

    ExactVectorScan(Similarity similarity, int dimension) {
        this.similarity = similarity;
        this.dimension = dimension;
    }

    /** The global doc ids of the best {@code topK} matches of {@code filter} (null: all) scoring at least {@code minScore}. */
    int[] topDocs(IndexSearcher searcher, float[] target, Query filter, int topK, double minScore) throws IOException {
        Query matching = filter == null ? MatchAllDocsQuery.INSTANCE : filter;
        Weight weight = searcher.createWeight(searcher.rewrite(matching), ScoreMode.COMPLETE_NO_SCORES, 1f);
        PriorityQueue<Scored> best = new PriorityQueue<>(WORST_FIRST);
        ToDoubleFunction<float[]> similarityToTarget = similarity.scorer(target); // the target's norm, once
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            LeafVectors vectors = new LeafVectors(leaf.reader(), dimension);
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), ChunkDocuments.ID);
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                double score = similarityToTarget.applyAsDouble(vectors.get(doc));
                if (score < minScore) {
                    continue;
                }
                Scored worst = best.peek();
                if (best.size() < topK || score >= worst.score()) {
                    Scored candidate = new Scored(score, leaf.docBase + doc, id(ids, doc));
                    if (best.size() < topK) {
                        best.add(candidate);
                    } else if (WORST_FIRST.compare(candidate, worst) > 0) {
                        best.poll();
                        best.add(candidate);
                    }
                }
            }
        }
        return best.stream().mapToInt(Scored::doc).toArray();
    }

    private static String id(SortedDocValues ids, int doc) throws IOException {
        if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    private record Scored(double score, int doc, String id) {}
}
