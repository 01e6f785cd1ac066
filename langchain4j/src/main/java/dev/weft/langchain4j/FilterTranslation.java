package dev.weft.langchain4j;

import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Translates metadata filters between Weft's portable {@link Filter} and LangChain4j's
 * {@link dev.langchain4j.store.embedding.filter.Filter}, both ways.
 */
final class FilterTranslation {

    /**
     * A Weft filter in LangChain4j's terms. LangChain4j has no constant filters, so a Weft filter that folds to a
     * constant (an empty {@code and}, an {@code or} of nothing, a condition on a Boolean, which no LangChain4j
     * metadata can hold) is reported as {@link #matchesAll} or {@link #matchesNothing} instead.
     *
     * @param filter the LangChain4j filter; null when the result is a constant
     * @param matchesNothing whether no chunk can match
     */
    record Translated(dev.langchain4j.store.embedding.filter.Filter filter, boolean matchesNothing) {
        static final Translated ALL = new Translated(null, false);
        static final Translated NOTHING = new Translated(null, true);

        boolean matchesAll() {
            return filter == null && !matchesNothing;
        }
    }

    private FilterTranslation() {}

    // ---- Weft -> LangChain4j ----

    /** {@code filter} (null for none) as a LangChain4j filter. */
    static Translated toLangChain4j(Filter filter) {
        return filter == null ? Translated.ALL : fold(filter);
    }

    private static Translated fold(Filter filter) {
        return switch (filter) {
            case Filter.Eq eq -> eq.value() instanceof Boolean ? Translated.NOTHING : of(new IsEqualTo(eq.key(), eq.value()));
            case Filter.In in -> in(in);
            case Filter.Range r -> range(r);
            case Filter.And and -> and(and.filters());
            case Filter.Or or -> or(or.filters());
            case Filter.Not not -> {
                Translated inner = fold(not.filter());
                yield inner.matchesAll() ? Translated.NOTHING
                        : inner.matchesNothing() ? Translated.ALL
                        : of(dev.langchain4j.store.embedding.filter.Filter.not(inner.filter()));
            }
        };
    }

    /** LangChain4j compares a key with values of one type; strings and numbers go to separate {@code isIn}s. */
    private static Translated in(Filter.In in) {
        List<Object> strings = new ArrayList<>();
        List<Object> numbers = new ArrayList<>();
        for (Object v : in.values()) {
            if (v instanceof String) {
                strings.add(v);
            } else if (v instanceof Number) {
                numbers.add(v);
            } // Booleans: no LangChain4j metadata holds one, so they match nothing
        }
        List<Translated> parts = new ArrayList<>();
        if (!strings.isEmpty()) {
            parts.add(of(new IsIn(in.key(), strings)));
        }
        if (!numbers.isEmpty()) {
            parts.add(of(new IsIn(in.key(), numbers)));
        }
        return combine(parts, false);
    }

    private static Translated range(Filter.Range r) {
        List<Translated> parts = new ArrayList<>(2);
        if (r.min() != null) {
            parts.add(of(r.minInclusive() ? new IsGreaterThanOrEqualTo(r.key(), r.min()) : new IsGreaterThan(r.key(), r.min())));
        }
        if (r.max() != null) {
            parts.add(of(r.maxInclusive() ? new IsLessThanOrEqualTo(r.key(), r.max()) : new IsLessThan(r.key(), r.max())));
        }
        return combine(parts, true);
    }

    private static Translated and(List<Filter> filters) {
        return combine(filters.stream().map(FilterTranslation::fold).toList(), true);
    }

    private static Translated or(List<Filter> filters) {
        return combine(filters.stream().map(FilterTranslation::fold).toList(), false);
    }

    /** The conjunction ({@code all}) or disjunction of {@code parts}, folding constants. */
    private static Translated combine(List<Translated> parts, boolean all) {
        dev.langchain4j.store.embedding.filter.Filter combined = null;
        for (Translated part : parts) {
            if (all ? part.matchesNothing() : part.matchesAll()) {
                return part; // absorbing element
            }
            if (part.filter() == null) {
                continue; // neutral element
            }
            combined = combined == null ? part.filter()
                    : all ? dev.langchain4j.store.embedding.filter.Filter.and(combined, part.filter())
                    : dev.langchain4j.store.embedding.filter.Filter.or(combined, part.filter());
        }
        return combined != null ? of(combined) : all ? Translated.ALL : Translated.NOTHING;
    }

    private static Translated of(dev.langchain4j.store.embedding.filter.Filter filter) {
        return new Translated(filter, false);
    }

    // ---- LangChain4j -> Weft ----

    /**
     * {@code filter} (null for none) as a Weft filter.
     *
     * @throws InvalidInputException for what Weft's portable filter cannot express: {@code containsString}, ordering
     *     comparisons of strings, and filter classes other than LangChain4j's own
     */
    static Filter toWeft(dev.langchain4j.store.embedding.filter.Filter filter) {
        return filter == null ? null : weft(filter);
    }

    private static Filter weft(dev.langchain4j.store.embedding.filter.Filter filter) {
        return switch (filter) {
            case IsEqualTo f -> Filter.eq(f.key(), value(f.key(), f.comparisonValue()));
            case IsNotEqualTo f -> Filter.not(Filter.eq(f.key(), value(f.key(), f.comparisonValue())));
            case IsGreaterThan f -> range(f.key(), f.comparisonValue(), "isGreaterThan", true, false);
            case IsGreaterThanOrEqualTo f -> range(f.key(), f.comparisonValue(), "isGreaterThanOrEqualTo", true, true);
            case IsLessThan f -> range(f.key(), f.comparisonValue(), "isLessThan", false, false);
            case IsLessThanOrEqualTo f -> range(f.key(), f.comparisonValue(), "isLessThanOrEqualTo", false, true);
            case IsIn f -> new Filter.In(f.key(), values(f.key(), f.comparisonValues()));
            case IsNotIn f -> Filter.not(new Filter.In(f.key(), values(f.key(), f.comparisonValues())));
            case dev.langchain4j.store.embedding.filter.logical.And f -> Filter.and(weft(f.left()), weft(f.right()));
            case dev.langchain4j.store.embedding.filter.logical.Or f -> Filter.or(weft(f.left()), weft(f.right()));
            case dev.langchain4j.store.embedding.filter.logical.Not f -> Filter.not(weft(f.expression()));
            case ContainsString f -> throw new InvalidInputException("metadata filter containsString(\"" + f.key()
                    + "\") is not supported by Weft's stores, whose filters are portable across stores: use isEqualTo "
                    + "or isIn, or match substrings with full-text (BM25) retrieval");
            default -> throw new InvalidInputException("metadata filter " + filter.getClass().getName() + " is not "
                    + "supported: Weft translates LangChain4j's own comparison (isEqualTo, isNotEqualTo, isGreaterThan, "
                    + "isGreaterThanOrEqualTo, isLessThan, isLessThanOrEqualTo, isIn, isNotIn) and logical (and, or, "
                    + "not) filters");
        };
    }

    private static Filter range(String key, Object bound, String operation, boolean lower, boolean inclusive) {
        if (!(bound instanceof Number n)) {
            throw new InvalidInputException("metadata filter " + operation + "(\"" + key + "\", " + bound + ") compares "
                    + "with a " + bound.getClass().getSimpleName() + "; Weft's stores order numbers only, so give a number");
        }
        double d = n.doubleValue();
        return lower ? new Filter.Range(key, d, null, inclusive, false) : new Filter.Range(key, null, d, false, inclusive);
    }

    private static Object value(String key, Object value) {
        return Metadata.normalize(key, value instanceof UUID u ? u.toString() : value);
    }

    private static List<Object> values(String key, Collection<?> values) {
        return values.stream().map(v -> value(key, v)).toList();
    }
}
