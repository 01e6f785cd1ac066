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
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.util.Bits;

/**
 * The nearest entries of one partition, on one point-in-time searcher. A partition's entries sit in the graph all
 * partitions share (under the partition's term) and, past {@link PartitionGraphs}' threshold, in a graph of its own
 * (a vector field only its entries have); a lookup searches both and merges them. Each part is searched one of two
 * ways:
 *
 * <ul>
 *   <li><b>Exact</b>, when the partition holds at most {@code exactThreshold} documents in all (live entries plus
 *       replaced or removed ones not yet merged away): every live entry is scored (the shared part's by walking the
 *       partition term's postings). Lucene's filtered HNSW search often falls back to this by itself under a
 *       selective filter, but not always (a segment holding most of a small partition may still be searched
 *       approximately), so small partitions are scanned here, which makes them exact by construction.</li>
 *   <li><b>HNSW</b> otherwise. The partition's own graph needs no filter: each segment's graph is searched with a
 *       beam of {@code candidates} scaled to the segment's size (see {@link #segmentGraphs}). On the shared graph a
 *       {@link KnnFloatVectorQuery} collects {@code max(k, candidates)} with the partition's term as its filter,
 *       applied inside the graph search, so a lookup never sees another partition's entries (and when the partition
 *       is the whole index, it is searched like an own graph).</li>
 * </ul>
 *
 * Results are ordered by similarity, most similar first, then by id.
 */
final class PartitionSearch {
    private static final ScoreDoc[] NONE = new ScoreDoc[0];
    private static final Comparator<ScoreDoc> BEST_FIRST = (a, b) -> Float.compare(b.score, a.score);
    private static final Comparator<Neighbor> RANKING =
            Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparing(Neighbor::id);

    private final int candidates;
    private final int exactThreshold;
    private final PartitionGraphs graphs;

    PartitionSearch(int candidates, int exactThreshold, PartitionGraphs graphs) {
        this.candidates = candidates;
        this.exactThreshold = exactThreshold;
        this.graphs = graphs;
    }

    List<Neighbor> nearest(IndexSearcher searcher, String partition, float[] unitTarget, int k) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Term term = EntryDocuments.partitionTerm(partition);
        int shared = reader.docFreq(term);
        graphs.observed(partition, shared);
        String ownField = EntryDocuments.ownGraphField(partition);
        int[] ownPerSegment = vectorCounts(reader, ownField);
        int own = Arrays.stream(ownPerSegment).sum();
        if (shared == 0 && own == 0) {
            return List.of();
        }
        ScoreDoc[] hits;
        if ((long) shared + own <= exactThreshold) {
            hits = exact(reader, term, ownField, unitTarget, Math.min(k, shared + own));
        } else {
            ScoreDoc[] inShared = shared == 0 ? NONE
                    : shared <= exactThreshold ? exact(reader, term, null, unitTarget, Math.min(k, shared))
                    : shared == reader.maxDoc()
                            ? segmentGraphs(reader, EntryDocuments.VECTOR, vectorCounts(reader, EntryDocuments.VECTOR), unitTarget, k)
                    : filtered(searcher, new TermQuery(term), unitTarget, k);
            ScoreDoc[] inOwn = own == 0 ? NONE : segmentGraphs(reader, ownField, ownPerSegment, unitTarget, k);
            hits = Arrays.copyOf(inShared, inShared.length + inOwn.length);
            System.arraycopy(inOwn, 0, hits, inShared.length, inOwn.length);
        }
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

    /** Per segment, the documents holding a vector in {@code field}, removed ones included; 0 where it has none. */
    private static int[] vectorCounts(IndexReader reader, String field) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        int[] counts = new int[leaves.size()];
        for (int i = 0; i < counts.length; i++) {
            LeafReader segment = leaves.get(i).reader();
            FloatVectorValues values = segment.getFieldInfos().fieldInfo(field) == null ? null : segment.getFloatVectorValues(field);
            counts[i] = values == null ? 0 : values.size();
        }
        return counts;
    }

    /** A graph search of the shared graph, the partition's term as the filter, collecting {@code max(k, candidates)}. */
    private ScoreDoc[] filtered(IndexSearcher searcher, Query filter, float[] target, int k) throws IOException {
        int collect = (int) Math.min(searcher.getIndexReader().maxDoc(), Math.max(k, candidates));
        return searcher.search(new KnnFloatVectorQuery(EntryDocuments.VECTOR, target, collect, filter), collect).scoreDocs;
    }

    /**
     * A graph search of {@code field} in every segment, unfiltered (every live document of the field is the
     * partition's); {@code sizes} holds each segment's vectors in the field ({@link #vectorCounts}). Each segment's
     * beam is {@code max(k, ceil(candidates * sqrt(share)))}, its share being its part of the field's vectors: the
     * full beam on one merged graph, and on several segments a beam that shrinks with the segment, since a smaller
     * graph needs a narrower beam for the same recall. (Lucene's own multi-segment search gives each segment about
     * {@code candidates * share} plus a wide safety margin, which on an index as a bulk load leaves it, six segments
     * for 100,000 entries, explores several times what one merged graph does.)
     */
    private ScoreDoc[] segmentGraphs(IndexReader reader, String field, int[] sizes, float[] target, int k) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        long total = Arrays.stream(sizes).asLongStream().sum();
        List<ScoreDoc> hits = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == 0) {
                continue;
            }
            LeafReaderContext leaf = leaves.get(i);
            int beam = Math.min(sizes[i], Math.max(k, (int) Math.ceil(candidates * Math.sqrt(sizes[i] / (double) total))));
            AcceptDocs live = AcceptDocs.fromLiveDocs(leaf.reader().getLiveDocs(), leaf.reader().maxDoc());
            for (ScoreDoc hit : leaf.reader().searchNearestVectors(field, target, beam, live, Integer.MAX_VALUE).scoreDocs) {
                hits.add(new ScoreDoc(leaf.docBase + hit.doc, hit.score));
            }
        }
        return hits.toArray(NONE);
    }

    /**
     * Scores every live entry of the partition, the shared graph's (those with {@code term}) and, if {@code ownField}
     * is not null, its own graph's; keeps the best {@code k}.
     */
    private static ScoreDoc[] exact(IndexReader reader, Term term, String ownField, float[] target, int k) throws IOException {
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(s -> s.score));
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader segment = leaf.reader();
            FloatVectorValues shared = segment.getFloatVectorValues(EntryDocuments.VECTOR);
            PostingsEnum entries = segment.postings(term, PostingsEnum.NONE);
            if (shared != null && entries != null) {
                scan(leaf, entries, shared.scorer(target), k, best);
            }
            FloatVectorValues own = ownField == null || segment.getFieldInfos().fieldInfo(ownField) == null
                    ? null : segment.getFloatVectorValues(ownField);
            if (own != null) {
                scan(leaf, null, own.scorer(target), k, best); // every document of its own graph is the partition's
            }
        }
        return best.toArray(NONE);
    }

    /**
     * Scores into {@code best} the live documents {@code entries} lists (every document with a vector if it is null),
     * each by its vector.
     */
    private static void scan(LeafReaderContext leaf, DocIdSetIterator entries, VectorScorer scorer, int k,
            PriorityQueue<ScoreDoc> best) throws IOException {
        if (scorer == null) {
            return; // the segment holds no vectors in this field (its documents were merged away)
        }
        DocIdSetIterator vectors = scorer.iterator();
        DocIdSetIterator listed = entries == null ? vectors : entries;
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = listed.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = listed.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            int at = vectors.docID() < doc ? vectors.advance(doc) : vectors.docID();
            if (at != doc) {
                continue; // every entry has a vector; a document without one is not an entry
            }
            float score = scorer.score();
            if (best.size() < k) {
                best.add(new ScoreDoc(leaf.docBase + doc, score));
            } else if (score > best.peek().score) {
                best.poll();
                best.add(new ScoreDoc(leaf.docBase + doc, score));
            }
        }
    }

    private static String id(LeafReader segment, int doc) throws IOException {
        SortedDocValues ids = DocValues.getSorted(segment, EntryDocuments.ID);
        if (!ids.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " of a LuceneVectorIndex has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }
}
