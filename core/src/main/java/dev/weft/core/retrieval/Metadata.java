package dev.weft.core.retrieval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.weft.core.InvalidInputException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The filterable facts of a chunk: string keys to values of four types only, {@code String}, {@code Long},
 * {@code Double} and {@code Boolean}, so that every store can index them the same way. Other integral types
 * are widened to {@code Long} and {@code Float} to {@code Double}; anything else is rejected with
 * {@link InvalidInputException}. Immutable; keys iterate in sorted order.
 *
 * <p>Well-known keys feed citations: {@link #SOURCE}, {@link #TITLE}, {@link #PAGE}.
 *
 * <pre>{@code
 * Metadata m = Metadata.of("source", "handbook.pdf", "page", 12, "lang", "en");
 * }</pre>
 */
public final class Metadata {
    /** Where the chunk came from: a path or URI. */
    public static final String SOURCE = "source";
    /** The title of the source document. */
    public static final String TITLE = "title";
    /** The page of the source the chunk sits on, from 1. */
    public static final String PAGE = "page";

    /** No metadata. */
    public static final Metadata EMPTY = new Metadata(Map.of());

    private final Map<String, Object> values;

    private Metadata(Map<String, Object> values) {
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new InvalidInputException("metadata keys must not be null or blank (filters could not name them), got '" + k + "'");
            }
            copy.put(k, normalize(k, v));
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Metadata holding {@code values}. */
    @JsonCreator
    public static Metadata of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? EMPTY : new Metadata(Map.copyOf(nullChecked(values)));
    }

    /** Metadata from alternating keys and values: {@code of("lang", "en", "year", 2024)}. */
    public static Metadata of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new InvalidInputException("Metadata.of takes keys and values in pairs; got " + keysAndValues.length + " arguments");
        }
        TreeMap<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new InvalidInputException("metadata key at argument " + i + " must be a String, was " + keysAndValues[i]);
            }
            if (keysAndValues[i + 1] == null) {
                throw new InvalidInputException("metadata value of '" + key + "' must not be null");
            }
            map.put(key, keysAndValues[i + 1]);
        }
        return new Metadata(map);
    }

    /**
     * The normalised form of a metadata or filter value: {@code String}, {@code Long}, {@code Double} or
     * {@code Boolean}.
     *
     * @throws InvalidInputException for any other type, naming {@code key}
     */
    public static Object normalize(String key, Object value) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> checkFinite(key, d);
            case Float f -> checkFinite(key, f.doubleValue());
            case null -> throw new InvalidInputException("metadata value of '" + key + "' must not be null");
            default -> throw new InvalidInputException("metadata value of '" + key + "' has unsupported type "
                    + value.getClass().getName() + "; use String, Long, Double or Boolean");
        };
    }

    private static Double checkFinite(String key, double d) {
        if (!Double.isFinite(d)) {
            throw new InvalidInputException("metadata value of '" + key + "' must be finite, was " + d);
        }
        return d;
    }

    private static Map<String, ?> nullChecked(Map<String, ?> values) {
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidInputException("metadata must not hold null keys or values (key " + k + ")");
            }
        });
        return values;
    }

    /** The values by key, sorted by key. */
    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    /** The value of {@code key}, if present. */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key} if it is a string. */
    public Optional<String> getString(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The value of {@code key} if it is a whole number. */
    public Optional<Long> getLong(String key) {
        return values.get(key) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** The value of {@code key} as a double if it is a number. */
    public Optional<Double> getNumber(String key) {
        return values.get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** A copy with {@code key} set to {@code value}. */
    public Metadata with(String key, Object value) {
        if (key == null) throw new InvalidInputException("metadata keys must not be null or blank (filters could not name them), got 'null'");
        TreeMap<String, Object> map = new TreeMap<>(values);
        map.put(key, value);
        return new Metadata(map);
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && values.equals(m.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
