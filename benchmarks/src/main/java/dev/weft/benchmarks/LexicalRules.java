package dev.weft.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cheap lexical checks on a candidate semantic-cache hit, measured by {@link SemanticCacheQuality}. */
final class LexicalRules {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#]*");
    private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*");
    private static final Set<String> STOP = Set.of(("a an the is are was were be been being do does did doing have has had i me my we our "
            + "you your he she it its they them their what which who whom whose when where why how this that these those of in on at "
            + "to for from by with about as into through over under and or but if then than so not no can could should would will "
            + "shall may might must there here some any all each other such only own same too very just also more most").split(" "));

    private LexicalRules() {}

    /** Whether both texts contain the same set of numbers ("in 4 days" vs "in 5 days" differ). */
    static boolean sameNumbers(String a, String b) {
        return numbers(a).equals(numbers(b));
    }

    /** Whether exactly one content word of {@code a} was replaced by one other word ("in C++" vs "in C"). */
    static boolean oneWordSwapped(String a, String b) {
        List<String> ca = content(a);
        List<String> cb = content(b);
        if (ca.size() < 2) {
            return false;
        }
        Map<String, Integer> diff = new HashMap<>();
        ca.forEach(w -> diff.merge(w, 1, Integer::sum));
        cb.forEach(w -> diff.merge(w, -1, Integer::sum));
        int onlyA = 0;
        int onlyB = 0;
        for (int d : diff.values()) {
            onlyA += Math.max(0, d);
            onlyB += Math.max(0, -d);
        }
        return onlyA == 1 && onlyB == 1;
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> content(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
