package dev.weft.rag.cache;

import dev.weft.core.cache.VectorIndex.Neighbor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.util.Bits;

/**
 * The nearest entries of one partition, on one point-in-time searcher. Two paths:
 *
 * <ul>
 *   <li><b>Exact</b>, when the partition's term is in at most {@code exactThreshold} documents (live entries plus
 *       replaced or removed ones not yet merged away): its postings are walked and every live entry scored. Lucene's
 *       filtered HNSW search often falls back to this by itself under a selective filter, but not always (a
 *       segment holding most of a small partition may still be searched approximately), so small partitions are
 *       scanned here, which makes them exact by construction.</li>
 *   <li><b>HNSW</b> otherwise: a {@link KnnFloatVectorQuery} collecting {@code max(k, candidates)} neighbours, with
 *       the partition's term as its filter, applied inside the graph search, so a lookup never sees another
 *       partition's entries. When the partition is the whole index the filter is dropped: same answer, no bit set
 *       to build per segment.</li>
 * </ul>
 *
 * Results are ordered by similarity, most similar first, then by id.
 */
final class PartitionSearch {
    private static final Comparator<ScoreDoc> BEST_FIRST = (a, b) -> Float.compare(b.score, a.score);
    private static final Comparator<Neighbor> RANKING =
            Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparing(Neighbor::id);

    private final int candidates;
    private final int exactThreshold;

    PartitionSearch(int candidates, int exactThreshold) {
        this.candidates = candidates;
        this.exactThreshold = exactThreshold;
    }

    List<Neighbor> nearest(IndexSearcher searcher, String partition, float[] unitTarget, int k) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Term term = EntryDocuments.partitionTerm(partition);
        int documents = reader.docFreq(term);
        if (documents == 0) {
            return List.of();
        }
        ScoreDoc[] hits = documents <= exactThreshold
                ? exact(reader, term, unitTarget, Math.min(k, documents))
                : approximate(searcher, documents == reader.maxDoc() ? null : new TermQuery(term), unitTarget, k);
        Arrays.sort(hits, BEST_FIRST);
        int keep = Math.min(k, hits.length);
        while (keep < hits.length && hits[keep].score == hits[keep - 1].score) {
            keep++; // ties at the cut-off are broken by id, so their ids are needed too
        }
        List<Neighbor> neighbors = new ArrayList<>(keep);
        List<LeafReaderContext> leaves = reader.leaves();
        for (int i = 0; i < keep; i++) {
            ScoreDoc hit = hits[i];
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            neighbors.add(new Neighbor(id(leaf.reader(), hit.doc - leaf.docBase), EntryDocuments.similarity(hit.score)));
        }
        neighbors.sort(RANKING);
        return neighbors.size() > k ? List.copyOf(neighbors.subList(0, k)) : List.copyOf(neighbors);
    }

    private ScoreDoc[] approximate(IndexSearcher searcher, Query filter, float[] target, int k) throws IOException {
        int collect = (int) Math.min(searcher.getIndexReader().maxDoc(), Math.max(k, candidates));
        return searcher.search(new KnnFloatVectorQuery(EntryDocuments.VECTOR, target, collect, filter), collect).scoreDocs;
    }

    /** Scores every live entry of the partition; keeps the best {@code k}. */
    private static ScoreDoc[] exact(IndexReader reader, Term term, float[] target, int k) throws IOException {
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Scored::score));
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader segment = leaf.reader();
            PostingsEnum entries = segment.postings(term, PostingsEnum.NONE);
            FloatVectorValues values = segment.getFloatVectorValues(EntryDocuments.VECTOR);
            if (entries == null || values == null) {
                continue;
            }
            VectorScorer scorer = values.scorer(target);
            DocIdSetIterator vectors = scorer.iterator();
            Bits live = segment.getLiveDocs();
            for (int doc = entries.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = entries.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int at = vectors.docID() < doc ? vectors.advance(doc) : vectors.docID();
                if (at != doc) {
                    continue; // every entry has a vector; a document without one is not an entry
                }
                float score = scorer.score();
                if (best.size() < k) {
                    best.add(new Scored(leaf.docBase + doc, score));
                } else if (score > best.peek().score()) {
                    best.poll();
                    best.add(new Scored(leaf.docBase + doc, score));
                }
            }
        }
        return best.stream().map(s -> new ScoreDoc(s.doc(), s.score())).toArray(ScoreDoc[]::new);
    }

    private static String id(LeafReader segment, int doc) throws IOException {
        SortedDocValues ids = DocValues.getSorted(segment, EntryDocuments.ID);
        if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " of a LuceneVectorIndex has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    private record Scored(int doc, float score) {}
}
