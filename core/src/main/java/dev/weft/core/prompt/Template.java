package dev.weft.core.prompt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed template: literal text and variables, in order. Rendering is a single pass, so a value that itself
 * contains {@code {{name}}} is inserted as it is, never expanded. Immutable and thread-safe.
 *
 * @param parts the literal texts and variables, in order
 */
record Template(List<Part> parts) {

    Template {
        parts = List.copyOf(parts);
    }

    /** A piece of a template. */
    sealed interface Part permits Literal, Variable {}

    /** Text copied as it is. */
    record Literal(String text) implements Part {}

    /** A variable, with where it first appears in the file (1-based line). */
    record Variable(String name, int line) implements Part {}

    /** The variables in order of first use, each with the line where it first appears. */
    Map<String, Integer> variables() {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Part part : parts) {
            if (part instanceof Variable v) {
                names.putIfAbsent(v.name(), v.line());
            }
        }
        return names;
    }

    /** The text with each variable replaced by its value; every variable must be in {@code values}. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal l -> out.append(l.text());
                case Variable v -> out.append(values.get(v.name()));
            }
        }
        return out.toString();
    }
}
