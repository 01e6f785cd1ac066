package dev.weft.core.testing;

import org.instancio.Random;

/** Generated strings: ASCII, JSON- and URL-special characters, control characters and non-ASCII text (BMP and supplementary). */
public final class Texts {
    private static final char[] SPECIAL = {' ', '\t', '\n', '\r', '"', '\\', '/', '\'', '<', '>', '&', '%', '+', '=',
        '?', ':', '@', '#', '{', '}', '[', ']', ',', '\u0000', '\u001f', '\u007f', '\u2028'};

    private Texts() {}

    /** 0 to {@code maxLength} code points. */
    public static String text(Random r, int maxLength) {
        int length = r.intRange(0, maxLength);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(codePoint(r));
        }
        return sb.toString();
    }

    /** 1 to {@code maxLength} code points, at least one of them not whitespace. */
    public static String nonBlank(Random r, int maxLength) {
        String s = text(r, Math.max(0, maxLength - 1));
        return s.isBlank() ? s + r.alphanumericCharacter() : s;
    }

    /** A code point from a mix of pools, never a lone surrogate. */
    public static int codePoint(Random r) {
        return switch (r.intRange(0, 9)) {
            case 0, 1, 2, 3 -> r.alphanumericCharacter();
            case 4, 5 -> SPECIAL[r.intRange(0, SPECIAL.length - 1)];
            case 6 -> r.intRange(0x00A0, 0x024F);   // Latin-1 supplement and extended
            case 7 -> r.intRange(0x4E00, 0x9FFF);   // CJK
            case 8 -> r.intRange(0x1F600, 0x1F64F); // emoji, outside the BMP
            default -> r.intRange(0x0391, 0x03C9);  // Greek
        };
    }
}
