package dev.weft.core.testing;

import dev.weft.core.spi.ModelRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.instancio.Random;

/** Generators for model references, with names and parameters full of characters that need care. */
public final class SpiValues {
    private static final char[] SCHEME_START = "abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] SCHEME_REST = "abcdefghijklmnopqrstuvwxyz0123456789+-.".toCharArray();
    private static final int[] NAME_SPECIAL = {'/', ':', '@', ' ', '%', '&', '=', '+', '#', '.', '-', '_', 'é', '中', 0x1F600};
    private static final int[] PARAM_SPECIAL = {'&', '=', '%', '+', ' ', '?', ':', '/', '#', '*', '~', 'ü', '語', 0x1F680};

    private SpiValues() {}

    public static String scheme(Random r) {
        return r.stringOf(1, SCHEME_START) + (r.trueOrFalse() ? "" : r.stringOf(r.intRange(1, 8), SCHEME_REST));
    }

    /** A name: not blank, no {@code ?}, often with {@code / : @}, spaces, escapes and non-ASCII characters. */
    public static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.intRange(1, 20);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(r.trueOrFalse(0.4) ? NAME_SPECIAL[r.intRange(0, NAME_SPECIAL.length - 1)] : Texts.codePoint(r));
        }
        String s = sb.toString().replace('?', '!');
        return s.isBlank() ? s + "m" : s;
    }

    private static String paramText(Random r, int min) {
        StringBuilder sb = new StringBuilder();
        int n = r.intRange(min, 10);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(r.trueOrFalse(0.5) ? PARAM_SPECIAL[r.intRange(0, PARAM_SPECIAL.length - 1)] : Texts.codePoint(r));
        }
        return sb.toString();
    }

    public static ModelRef modelRef(Random r) {
        Map<String, String> params = new LinkedHashMap<>();
        int n = r.intRange(0, 4);
        for (int i = 0; i < n; i++) {
            params.put(paramText(r, 1), paramText(r, 0));
        }
        return new ModelRef(scheme(r), name(r), params);
    }
}
