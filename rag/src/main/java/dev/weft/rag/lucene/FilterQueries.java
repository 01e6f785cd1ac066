package dev.weft.rag.lucene;

import dev.weft.core.retrieval.Filter;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Translates a core {@link Filter} into a non-scoring Lucene {@link Query} over the fields of
 * {@link MetadataFields}, with exactly the semantics of {@link Filter#test}: a condition on a missing key (or a
 * key holding another type) matches nothing, so {@code not} of it matches; {@code and()} of nothing matches
 * everything and {@code or()} of nothing matches nothing.
 */
final class FilterQueries {
    private FilterQueries() {}

    /** The query matching exactly the chunks whose metadata satisfies {@code filter}. */
    static Query toQuery(Filter filter) {
        return switch (filter) {
            case Filter.Eq eq -> valueQuery(eq.key(), List.of(eq.value()));
            case Filter.In in -> valueQuery(in.key(), in.values());
            case Filter.Range range -> rangeQuery(range);
            case Filter.And and -> and(and.filters());
            case Filter.Or or -> or(or.filters());
            case Filter.Not not -> new BooleanQuery.Builder()
                    .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                    .add(toQuery(not.filter()), Occur.MUST_NOT)
                    .build();
        };
    }

    private static Query and(List<Filter> filters) {
        if (filters.isEmpty()) {
            return MatchAllDocsQuery.INSTANCE;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        filters.forEach(f -> all.add(toQuery(f), Occur.FILTER));
        return all.build();
    }

    private static Query or(List<Filter> filters) {
        if (filters.isEmpty()) {
            return new MatchNoDocsQuery("or() of nothing");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        filters.forEach(f -> any.add(toQuery(f), Occur.SHOULD));
        return any.build();
    }

    /** Equality with any of {@code values} (normalised: String, Long, Double or Boolean), each in its type's field. */
    private static Query valueQuery(String key, List<Object> values) {
        List<BytesRef> strings = new ArrayList<>();
        List<BytesRef> booleans = new ArrayList<>();
        List<BytesRef> numbers = new ArrayList<>();
        for (Object v : values) {
            switch (v) {
                case String s -> strings.add(new BytesRef(s));
                case Boolean b -> booleans.add(new BytesRef(b.toString()));
                case Number n -> numbers.add(MetadataFields.exactTerm(n));
                default -> throw new IllegalStateException("Filter admitted a value of type " + v.getClass().getName());
            }
        }
        List<Query> perType = new ArrayList<>(3);
        addTerms(perType, MetadataFields.stringField(key), strings);
        addTerms(perType, MetadataFields.booleanField(key), booleans);
        addTerms(perType, MetadataFields.numberField(key), numbers);
        if (perType.size() == 1) {
            return perType.getFirst();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        perType.forEach(q -> any.add(q, Occur.SHOULD));
        return any.build();
    }

    private static void addTerms(List<Query> queries, String field, List<BytesRef> terms) {
        if (terms.size() == 1) {
            queries.add(new TermQuery(new Term(field, terms.getFirst())));
        } else if (terms.size() > 1) {
            queries.add(new TermInSetQuery(field, terms));
        }
    }

    /** {@link Filter.Range} over {@link Number#doubleValue()}, exclusive bounds moved to the adjacent double. */
    private static Query rangeQuery(Filter.Range range) {
        double lower = range.min() == null ? Double.NEGATIVE_INFINITY
                : range.minInclusive() ? range.min() : Math.nextUp(range.min());
        double upper = range.max() == null ? Double.POSITIVE_INFINITY
                : range.maxInclusive() ? range.max() : Math.nextDown(range.max());
        lower = MetadataFields.rangeValue(lower);
        upper = MetadataFields.rangeValue(upper);
        if (lower > upper) {
            return new MatchNoDocsQuery("empty range " + range);
        }
        return DoublePoint.newRangeQuery(MetadataFields.rangeField(range.key()), lower, upper);
    }
}
