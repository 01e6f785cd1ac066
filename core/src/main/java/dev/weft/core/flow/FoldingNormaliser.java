package dev.weft.core.flow;

import java.util.Locale;
import java.util.regex.Pattern;

/** The {@link AnswerNormaliser#DEFAULT default normaliser}: collapse white space, fold case, trim punctuation at the end. */
final class FoldingNormaliser {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}+");
    private static final Pattern LEADING = Pattern.compile("\\A\\p{IsWhite_Space}+");
    private static final Pattern TRAILING = Pattern.compile("[\\p{IsPunctuation}\\p{IsWhite_Space}]+\\z");

    /** Case-mapping chains in Unicode are at most two rounds long; the bound only guards against a future surprise. */
    private static final int MAX_FOLD_ROUNDS = 4;

    private FoldingNormaliser() {}

    static String normalise(String answer) {
        String s = WHITE_SPACE.matcher(answer).replaceAll(" ");
        s = foldCase(s);
        s = TRAILING.matcher(s).replaceFirst("");
        return LEADING.matcher(s).replaceFirst("");
    }

    /**
     * Upper-cases then lower-cases until nothing changes: one round is not enough for every letter ({@code ẞ}
     * lower-cases to {@code ß}, which upper-cases to {@code SS}), and a fixed point makes normalising idempotent.
     */
    private static String foldCase(String s) {
        for (int round = 0; round < MAX_FOLD_ROUNDS; round++) {
            String folded = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            if (folded.equals(s)) {
                return s;
            }
            s = folded;
        }
        return s;
    }
}
