package dev.weft.core.prompt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Front matter as read, before any key is given a meaning: an ordered map from key to its value and line.
 * Immutable.
 *
 * @param entries the entries by key, in file order
 */
record FrontMatter(Map<String, Entry> entries) {

    FrontMatter {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** One {@code key: value} line. */
    record Entry(String key, Value value, int line) {}

    /** A value: one text, or a list of texts. */
    sealed interface Value permits Text, Items {}

    /**
     * A scalar.
     *
     * @param text the text, quotes removed and escapes resolved
     * @param quoted whether it was written in quotes (then it is never read as a number)
     */
    record Text(String text, boolean quoted) implements Value {}

    /** A flow list, {@code [a, "b", 'c']}. */
    record Items(List<Text> items) implements Value {
        Items {
            items = List.copyOf(items);
        }
    }
}
