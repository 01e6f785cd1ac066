package dev.weft.core.internal;

import dev.weft.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks that throw Weft's typed exceptions with messages naming the argument. Not part of the API. */
public final class Preconditions {
    private Preconditions() {}

    /** Throws {@link InvalidInputException} naming {@code name} when {@code value} is null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " must not be null");
        }
        return value;
    }

    /** Throws when {@code value} is null or blank. */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " must not be null or blank" + (value == null ? " (was null)" : " (was \"" + value + "\")"));
        }
        return value;
    }

    /** Throws when {@code condition} is false, with {@code message}. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }

    /** An immutable copy of {@code list}; null becomes empty; null elements are rejected with their index. */
    public static <T> List<T> immutableList(List<T> list, String name) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidInputException(name + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(list);
    }

    /** An immutable copy of {@code map}; null becomes empty; null keys or values are rejected. */
    public static <K, V> Map<K, V> immutableMap(Map<K, V> map, String name) {
        if (map == null) {
            return Map.of();
        }
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidInputException(name + " must not hold null keys or values (key " + Objects.toString(k) + ")");
            }
        });
        return Map.copyOf(map);
    }
}
