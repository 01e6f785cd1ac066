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

    /** One {@code key: value} line, or a key and its block scalar; {@code line} is the key's line. */
    record Entry(String key, Value value, int line) {}

    /** A value: one text, or a list of texts. */
    sealed interface Value permits Text, Items {}

    /** How a scalar was written. */
    enum Style {
        /** Unquoted on the key's line; the only style read as a number. */
        PLAIN,
        /** In single or double quotes on the key's line. */
        QUOTED,
        /** A literal block scalar ({@code |}) on the lines below the key: line breaks kept. */
        LITERAL,
        /** A folded block scalar ({@code >}) on the lines below the key: line breaks folded into spaces. */
        FOLDED
    }

    /**
     * A scalar.
     *
     * @param text the text, quotes removed and escapes resolved, or the block's content
     * @param style how it was written; only a {@link Style#PLAIN} text is read as a number
     */
    record Text(String text, Style style) implements Value {
        /** Whether it was written plain, unquoted on the key's line. */
        boolean plain() {
            return style == Style.PLAIN;
        }
    }

    /** A flow list, {@code [a, "b", 'c']}. */
    record Items(List<Text> items) implements Value {
        Items {
            items = List.copyOf(items);
        }
    }
}
