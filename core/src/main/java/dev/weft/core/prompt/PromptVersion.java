package dev.weft.core.prompt;

import dev.weft.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A prompt's version, ordered like a semantic version. Immutable and thread-safe.
 *
 * <p>The form is one or more dot-separated numbers without leading zeros ({@code 3}, {@code 1.2},
 * {@code 1.10.0}), optionally followed by {@code -} and a pre-release label of dot-separated identifiers
 * ({@code 2.0.0-rc.1}). Build metadata ({@code +…}) is not accepted.
 *
 * <p>Ordering: numbers compare numerically from the left ({@code 1.9 < 1.10}), a missing number counts as zero
 * ({@code 1.2} equals {@code 1.2.0}), and a pre-release sorts before its release
 * ({@code 2.0.0-rc.1 < 2.0.0}). Pre-release labels compare as in SemVer 2.0: identifier by identifier, numbers
 * numerically and below words, words in ASCII order, and a shorter label first when all else is equal
 * ({@code alpha < alpha.1 < beta < rc.1 < rc.2}). {@link #equals} agrees with that order; {@link #toString()}
 * returns the text as written.
 *
 * <pre>{@code
 * PromptVersion.parse("1.10").compareTo(PromptVersion.parse("1.9"))   // > 0
 * PromptVersion.parse("1.2").equals(PromptVersion.parse("1.2.0"))     // true
 * }</pre>
 */
public final class PromptVersion implements Comparable<PromptVersion> {
    private static final Pattern FORM = Pattern.compile(
            "(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*(-(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
                    + "(\\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?");

    private final String text;
    /** The release numbers without trailing zeros (at least one), as digit strings without leading zeros. */
    private final List<String> release;
    /** The pre-release identifiers; empty for a release. */
    private final List<String> preRelease;

    private PromptVersion(String text, List<String> release, List<String> preRelease) {
        this.text = text;
        this.release = release;
        this.preRelease = preRelease;
    }

    /**
     * The version {@code text} denotes.
     *
     * @throws InvalidInputException when {@code text} does not have the documented form
     */
    public static PromptVersion parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new InvalidInputException("'" + text + "' is not a prompt version; write dot-separated numbers "
                    + "without leading zeros, optionally with a pre-release label, such as 3, 1.2.0 or 2.0.0-rc.1");
        }
        int dash = text.indexOf('-');
        String releasePart = dash < 0 ? text : text.substring(0, dash);
        List<String> numbers = new ArrayList<>(Arrays.asList(releasePart.split("\\.")));
        while (numbers.size() > 1 && numbers.getLast().equals("0")) {
            numbers.removeLast();
        }
        List<String> label = dash < 0 ? List.of() : List.of(text.substring(dash + 1).split("\\."));
        return new PromptVersion(text, List.copyOf(numbers), label);
    }

    /** Whether this version carries a pre-release label. */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(PromptVersion other) {
        int n = Math.max(release.size(), other.release.size());
        for (int i = 0; i < n; i++) {
            int c = compareNumbers(i < release.size() ? release.get(i) : "0",
                    i < other.release.size() ? other.release.get(i) : "0");
            if (c != 0) {
                return c;
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        int m = Math.min(preRelease.size(), other.preRelease.size());
        for (int i = 0; i < m; i++) {
            int c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    /** Digit strings without leading zeros: the longer is larger, equal lengths compare as text. */
    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = isNumeric(a);
        boolean numericB = isNumeric(b);
        if (numericA && numericB) {
            return compareNumbers(a, b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String identifier) {
        return identifier.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptVersion v && release.equals(v.release) && preRelease.equals(v.preRelease);
    }

    @Override
    public int hashCode() {
        return 31 * release.hashCode() + preRelease.hashCode();
    }

    /** The version as written. */
    @Override
    public String toString() {
        return text;
    }
}
