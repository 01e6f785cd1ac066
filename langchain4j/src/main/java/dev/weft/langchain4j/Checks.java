package dev.weft.langchain4j;

import dev.weft.core.InvalidInputException;

/**
 * Argument checks that throw Weft's {@link InvalidInputException} with a message naming the argument. (Core's own
 * checks live in a package it exports only to some modules.)
 */
final class Checks {
    private Checks() {}

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " must not be null");
        }
        return value;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }
}
