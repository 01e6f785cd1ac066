package dev.weft.core.retrieval;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A portable condition on {@link Metadata}, which every {@link VectorStore} applies inside its search (not to
 * its results), so that a filtered top-k query still returns k hits when k match. The set is closed;
 * {@link #test(Metadata)} is the reference semantics every store must reproduce:
 *
 * <ul>
 *   <li>A condition on a key the metadata lacks is false ({@code not} of it is therefore true).</li>
 *   <li>Numbers compare by value whatever their type: {@code eq("year", 2024)} matches {@code 2024.0}.
 *       Strings and booleans match only values of their own type.</li>
 *   <li>{@code range} matches numbers only; a {@code null} bound is open.</li>
 *   <li>{@code and()} of nothing is true, {@code or()} of nothing is false.</li>
 * </ul>
 *
 * <pre>{@code
 * Filter f = Filter.and(Filter.eq("lang", "en"), Filter.gte("year", 2020), Filter.not(Filter.eq("draft", true)));
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Filter.Eq.class, name = "eq"),
    @JsonSubTypes.Type(value = Filter.In.class, name = "in"),
    @JsonSubTypes.Type(value = Filter.Range.class, name = "range"),
    @JsonSubTypes.Type(value = Filter.And.class, name = "and"),
    @JsonSubTypes.Type(value = Filter.Or.class, name = "or"),
    @JsonSubTypes.Type(value = Filter.Not.class, name = "not")
})
public sealed interface Filter {

    /** Whether {@code metadata} satisfies this condition. */
    boolean test(Metadata metadata);

    /** {@code key} equals {@code value}. */
    static Filter eq(String key, Object value) {
        return new Eq(key, value);
    }

    /** {@code key} equals one of {@code values}. */
    static Filter in(String key, Object... values) {
        return new In(key, Arrays.asList(values)); // not List.of: the constructor refuses nulls by name
    }

    /** {@code key} is a number {@code >= min}. */
    static Filter gte(String key, double min) {
        return new Range(key, min, null, true, false);
    }

    /** {@code key} is a number {@code > min}. */
    static Filter gt(String key, double min) {
        return new Range(key, min, null, false, false);
    }

    /** {@code key} is a number {@code <= max}. */
    static Filter lte(String key, double max) {
        return new Range(key, null, max, false, true);
    }

    /** {@code key} is a number {@code < max}. */
    static Filter lt(String key, double max) {
        return new Range(key, null, max, false, false);
    }

    /** {@code key} is a number in {@code [min, max]}. */
    static Filter between(String key, double min, double max) {
        return new Range(key, min, max, true, true);
    }

    /** All of {@code filters}. */
    static Filter and(Filter... filters) {
        return new And(Arrays.asList(filters));
    }

    /** Any of {@code filters}. */
    static Filter or(Filter... filters) {
        return new Or(Arrays.asList(filters));
    }

    /** Not {@code filter}. */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /**
     * Whether two normalised metadata values are equal under the rules above. Numbers compare by exact value, so
     * distinct longs beyond 2^53 stay distinct.
     */
    static boolean valuesEqual(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof Number x && b instanceof Number y) {
            return exact(x).compareTo(exact(y)) == 0;
        }
        return a.equals(b);
    }

    private static BigDecimal exact(Number n) {
        return n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(n.doubleValue());
    }

    /**
     * Equality.
     *
     * @param key the metadata key
     * @param value a String, number or Boolean
     */
    record Eq(String key, Object value) implements Filter {
        public Eq {
            Preconditions.notBlank(key, "key");
            value = Metadata.normalize(key, value);
        }

        @Override
        public boolean test(Metadata metadata) {
            return metadata.get(key).map(v -> valuesEqual(v, value)).orElse(false);
        }
    }

    /**
     * Membership.
     *
     * @param key the metadata key
     * @param values at least one String, number or Boolean
     */
    record In(String key, List<Object> values) implements Filter {
        public In {
            Preconditions.notBlank(key, "key");
            Preconditions.check(values != null && !values.isEmpty(), "in(" + key + ") needs at least one value");
            values = values.stream().map(v -> Metadata.normalize(key, v)).toList();
        }

        @Override
        public boolean test(Metadata metadata) {
            return metadata.get(key).map(v -> values.stream().anyMatch(x -> valuesEqual(v, x))).orElse(false);
        }
    }

    /**
     * A numeric interval.
     *
     * @param key the metadata key
     * @param min the lower bound, or null for none
     * @param max the upper bound, or null for none
     * @param minInclusive whether {@code min} itself matches
     * @param maxInclusive whether {@code max} itself matches
     */
    record Range(String key, Double min, Double max, boolean minInclusive, boolean maxInclusive) implements Filter {
        public Range {
            Preconditions.notBlank(key, "key");
            Preconditions.check(min != null || max != null, "range(" + key + ") needs a lower or an upper bound");
            Preconditions.check(min == null || !min.isNaN(), "range(" + key + ") lower bound must not be NaN");
            Preconditions.check(max == null || !max.isNaN(), "range(" + key + ") upper bound must not be NaN");
        }

        @Override
        public boolean test(Metadata metadata) {
            return metadata.getNumber(key).map(this::contains).orElse(false);
        }

        /** Whether {@code x} lies in the interval. */
        public boolean contains(double x) {
            boolean aboveMin = min == null || (minInclusive ? x >= min : x > min);
            boolean belowMax = max == null || (maxInclusive ? x <= max : x < max);
            return aboveMin && belowMax;
        }
    }

    /**
     * Conjunction.
     *
     * @param filters all must hold; none means true
     */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = Preconditions.immutableList(filters, "filters");
        }

        @Override
        public boolean test(Metadata metadata) {
            return filters.stream().allMatch(f -> f.test(metadata));
        }
    }

    /**
     * Disjunction.
     *
     * @param filters any must hold; none means false
     */
    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = Preconditions.immutableList(filters, "filters");
        }

        @Override
        public boolean test(Metadata metadata) {
            return filters.stream().anyMatch(f -> f.test(metadata));
        }
    }

    /**
     * Negation.
     *
     * @param filter the condition that must not hold
     */
    record Not(Filter filter) implements Filter {
        public Not {
            Preconditions.notNull(filter, "filter");
        }

        @Override
        public boolean test(Metadata metadata) {
            return !filter.test(metadata);
        }
    }
}
