package dev.weft.rag.retrieval;

import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.instancio.Random;

/**
 * Generated retriever results: rankings over a shared pool of ids (so they overlap), each sorted as retrievers
 * sort (descending score, ascending id), with tied scores common and an occasional repeated id.
 *
 * @param lists the rankings
 */
record Rankings(List<List<RetrievedChunk>> lists) {
    static final Comparator<RetrievedChunk> BEST_FIRST =
            Comparator.comparingDouble(RetrievedChunk::score).reversed().thenComparing(RetrievedChunk::id);

    static Rankings generate(Random r, int minLists, int maxLists) {
        int pool = r.intRange(1, 30);
        int n = r.intRange(minLists, maxLists);
        List<List<RetrievedChunk>> lists = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            lists.add(ranking(r, pool, r.trueOrFalse(0.1) ? 0 : r.intRange(1, pool)));
        }
        return new Rankings(List.copyOf(lists));
    }

    static List<RetrievedChunk> ranking(Random r, int pool, int size) {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < size) {
            ids.add("d" + r.intRange(0, pool - 1));
        }
        List<RetrievedChunk> list = new ArrayList<>();
        for (String id : ids) {
            double score = r.trueOrFalse(0.3) ? r.oneOf(0.0, 1.0, 0.5) : r.doubleRange(-5, 5);
            list.add(chunk(id, score));
        }
        list.sort(BEST_FIRST);
        if (!list.isEmpty() && r.trueOrFalse(0.1)) {
            list.add(chunk(list.getFirst().id(), -10)); // a repeat, lower down: only the first appearance counts
        }
        return List.copyOf(list);
    }

    static RetrievedChunk chunk(String id, double score) {
        return new RetrievedChunk(id, "text of " + id, score, Metadata.of("source", id + ".md"));
    }

    @Override
    public String toString() {
        return "Rankings" + lists.stream().map(l -> l.stream().map(RetrievedChunk::id).toList()).toList();
    }
}
