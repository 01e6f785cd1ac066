package dev.weft.eval.dataset;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgements: for each query id, the judged document ids and their graded relevance (BEIR's
 * {@code qrels}). A grade above 0 means relevant, and higher means more relevant; 0 means judged not
 * relevant; negative grades, which a few collections use for "judged, not relevant" or "skip", are kept as
 * they are and count as not relevant. A document that is not judged counts as grade 0.
 *
 * <p>Immutable and thread-safe. Queries and, within a query, documents iterate in the order they were added
 * (file order for {@link #read}).
 *
 * <pre>{@code
 * Qrels qrels = Qrels.builder().add("q1", "d7", 2).add("q1", "d3", 1).add("q2", "d9", 1).build();
 * Qrels fromFile = Qrels.read(Path.of("scifact/qrels/test.tsv"));
 * int grade = qrels.relevance("q1", "d7"); // 2
 * }</pre>
 */
public final class Qrels {
    private final Map<String, Map<String, Integer>> judgements;
    private final int size;

    /** Takes ownership of {@code judgements}, whose ids are already checked. */
    private Qrels(LinkedHashMap<String, LinkedHashMap<String, Integer>> judgements) {
        LinkedHashMap<String, Map<String, Integer>> frozen = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, LinkedHashMap<String, Integer>> e : judgements.entrySet()) {
            frozen.put(e.getKey(), Collections.unmodifiableMap(e.getValue()));
            count += e.getValue().size();
        }
        this.judgements = Collections.unmodifiableMap(frozen);
        this.size = count;
    }

    /** A builder that collects judgements one at a time. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Qrels holding {@code judgements} (query id → document id → grade), in their iteration order. A query
     * with an empty map of documents is left out.
     *
     * @throws InvalidInputException for null or blank ids or null grades
     */
    public static Qrels of(Map<String, ? extends Map<String, Integer>> judgements) {
        Preconditions.notNull(judgements, "judgements");
        Builder builder = builder();
        judgements.forEach((queryId, docs) -> {
            Preconditions.notNull(docs, "judgements of query '" + queryId + "'");
            docs.forEach((docId, grade) -> builder.add(queryId, docId, Preconditions.notNull(grade,
                    "grade of document '" + docId + "' for query '" + queryId + "'")));
        });
        return builder.build();
    }

    /**
     * Reads a BEIR qrels file: tab-separated {@code query-id, corpus-id, score} lines, the score a whole
     * number, under an optional header line. Blank lines are skipped.
     *
     * @throws InvalidInputException if the file is missing, or naming the line that is malformed or that
     *     judges a (query, document) pair a second time
     */
    public static Qrels read(Path tsv) {
        Preconditions.notNull(tsv, "tsv");
        return QrelsTsvReader.read(InputFiles.requireFile(tsv, "qrels file"));
    }

    /** The judged query ids. */
    public Set<String> queryIds() {
        return judgements.keySet();
    }

    /** The judged documents of {@code queryId} and their grades; empty when the query is not judged. */
    public Map<String, Integer> judgements(String queryId) {
        return judgements.getOrDefault(queryId, Map.of());
    }

    /** The grade of {@code docId} for {@code queryId}: 0 when it is not judged. */
    public int relevance(String queryId, String docId) {
        return judgements(queryId).getOrDefault(docId, 0);
    }

    /** The documents graded above 0 for {@code queryId}, in judgement order. */
    public Set<String> relevantDocuments(String queryId) {
        Set<String> relevant = new LinkedHashSet<>();
        judgements(queryId).forEach((doc, grade) -> {
            if (grade > 0) {
                relevant.add(doc);
            }
        });
        return Collections.unmodifiableSet(relevant);
    }

    /** Whether at least one document is graded above 0 for {@code queryId}. */
    public boolean hasRelevant(String queryId) {
        return judgements(queryId).values().stream().anyMatch(grade -> grade > 0);
    }

    /** The number of (query, document) judgements. */
    public int size() {
        return size;
    }

    /** These judgements for the queries in {@code queryIds} only; ids that are not judged are ignored. */
    public Qrels restrictedTo(Collection<String> queryIds) {
        Preconditions.notNull(queryIds, "queryIds");
        Set<String> keep = Set.copyOf(queryIds);
        Builder builder = builder();
        judgements.forEach((q, docs) -> {
            if (keep.contains(q)) {
                docs.forEach((d, grade) -> builder.add(q, d, grade));
            }
        });
        return builder.build();
    }

    /** All judgements: query id → document id → grade. Unmodifiable. */
    public Map<String, Map<String, Integer>> asMap() {
        return judgements;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Qrels other && judgements.equals(other.judgements);
    }

    @Override
    public int hashCode() {
        return judgements.hashCode();
    }

    @Override
    public String toString() {
        return "Qrels[" + judgements.size() + " queries, " + size + " judgements]";
    }

    /** Collects judgements; {@link #build()} may be called more than once. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, LinkedHashMap<String, Integer>> judgements = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Judges {@code docId} for {@code queryId} with {@code grade}.
         *
         * @throws InvalidInputException for blank ids, or if the pair is already judged
         */
        public Builder add(String queryId, String docId, int grade) {
            Preconditions.notBlank(queryId, "queryId");
            Preconditions.notBlank(docId, "docId");
            Integer previous = judgements.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).putIfAbsent(docId, grade);
            if (previous != null) {
                throw new InvalidInputException("document '" + docId + "' is already judged for query '" + queryId
                        + "' (grade " + previous + "); judge each (query, document) pair once");
            }
            return this;
        }

        /** The judgements added so far. */
        public Qrels build() {
            LinkedHashMap<String, LinkedHashMap<String, Integer>> copy = new LinkedHashMap<>();
            judgements.forEach((q, docs) -> copy.put(q, new LinkedHashMap<>(docs)));
            return new Qrels(copy);
        }
    }
}
