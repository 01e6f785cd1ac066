package dev.weft.core.cache;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises the final user turn before the semantic cache embeds it, so that texts differing only in Unicode
 * form or spacing embed the same: Unicode NFKC (full-width letters, ligatures, non-breaking and ideographic
 * spaces become their plain forms), then leading and trailing whitespace removed and every run of whitespace
 * collapsed to one space, then, only when asked, lower-cased in the root locale.
 */
final class TurnNormaliser {
    private TurnNormaliser() {}

    static String normalise(String text, boolean lowerCase) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0, n = nfkc.length(); i < n; i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        String collapsed = out.toString();
        return lowerCase ? collapsed.toLowerCase(Locale.ROOT) : collapsed;
    }
}
