package dev.weft.rag.lucene.testing;

import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.instancio.Random;

/**
 * Generators for store contents. Metadata and filters draw keys from a small pool (plus keys no metadata holds)
 * and values from a small pool of mixed types, so that filters match some chunks and not others, numbers meet
 * across types ({@code 2024} and {@code 2024.0}, longs beyond 2^53 next to their rounded doubles), and strings
 * and booleans meet look-alikes ({@code "2024"}, {@code "true"}).
 */
public final class StoreValues {
    /** Keys metadata may hold. */
    public static final List<String> KEYS = List.of("lang", "year", "score", "draft", "tag");
    /** Keys no generated metadata holds. */
    public static final List<String> MISSING_KEYS = List.of("absent", "Lang");
    /** 2^53 + 1: a long no double holds. */
    public static final long BIG = (1L << 53) + 1;

    private StoreValues() {}

    /** A value from the small pool. */
    public static Object poolValue(Random r) {
        return switch (r.intRange(0, 5)) {
            case 0 -> r.oneOf("en", "fr", "2024", "", "true", "1");
            case 1 -> r.oneOf(2024L, 0L, 1L, -1L, 2023L, BIG, BIG - 1, Long.MAX_VALUE, Long.MIN_VALUE);
            case 2 -> r.oneOf(2024.0, 0.0, -0.0, 1.0, 1.5, -1.0, 2023.5, (double) BIG, 0x1p63, -0x1p63, 1e-300);
            case 3 -> r.trueOrFalse();
            default -> r.oneOf(new Object[] {2024, 1, (short) 0, (byte) -1, 2024.0f, 1.5f});
        };
    }

    /** Metadata over {@link #KEYS} with pool values. */
    public static Metadata poolMetadata(Random r) {
        Map<String, Object> map = new TreeMap<>();
        for (String key : KEYS) {
            if (r.trueOrFalse(0.6)) {
                map.put(key, poolValue(r));
            }
        }
        return Metadata.of(map);
    }

    /** Any String, Long, finite Double or Boolean, with the awkward ones over-represented. */
    public static Object anyValue(Random r) {
        return switch (r.intRange(0, 3)) {
            case 0 -> text(r, 12);
            case 1 -> r.trueOrFalse() ? r.longRange(Long.MIN_VALUE, Long.MAX_VALUE) : r.longRange(-1000, 1000);
            case 2 -> switch (r.intRange(0, 2)) {
                case 0 -> r.oneOf(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 0.1, 0x1p63);
                case 1 -> Double.longBitsToDouble(r.longRange(0, 0x7FEFFFFFFFFFFFFFL)) * (r.trueOrFalse() ? 1 : -1);
                default -> r.doubleRange(-20, 20);
            };
            default -> r.trueOrFalse();
        };
    }

    /** Metadata with arbitrary keys and values. */
    public static Metadata anyMetadata(Random r) {
        Map<String, Object> map = new TreeMap<>();
        int n = r.intRange(0, 5);
        for (int i = 0; i < n; i++) {
            String key = text(r, 8);
            map.put(key.isBlank() ? key + "k" : key, anyValue(r)); // Metadata refuses blank keys: no Filter could name them
        }
        return Metadata.of(map);
    }

    /** 0 to {@code maxLength} code points from mixed pools: ASCII, specials and controls, accents, CJK, emoji. */
    public static String text(Random r, int maxLength) {
        int length = r.intRange(0, maxLength);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(switch (r.intRange(0, 6)) {
                case 0, 1, 2 -> r.alphanumericCharacter();
                case 3 -> r.oneOf((int) ' ', (int) '.', (int) '"', (int) '\\', (int) '\n', 0, 0x1f, 0x2028);
                case 4 -> r.intRange(0x00C0, 0x024F);
                case 5 -> r.intRange(0x4E00, 0x9FFF);
                default -> r.intRange(0x1F600, 0x1F64F);
            });
        }
        return sb.toString();
    }

    private static String filterKey(Random r) {
        return r.trueOrFalse(0.85) ? r.oneOf(KEYS) : r.oneOf(MISSING_KEYS);
    }

    private static Double bound(Random r) {
        return r.oneOf(2024.0, 2023.5, 0.0, -0.0, 1.0, 1.5, -1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                (double) BIG, 0x1p63, Double.MIN_VALUE, -Double.MIN_VALUE, r.doubleRange(-3000, 3000));
    }

    /** A random filter tree of depth at most {@code depth}, over pool keys and values. */
    public static Filter poolFilter(Random r, int depth) {
        int kinds = depth > 1 ? 6 : 3;
        return switch (r.intRange(0, kinds - 1)) {
            case 0 -> Filter.eq(filterKey(r), poolValue(r));
            case 1 -> {
                int n = r.intRange(1, 4);
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = poolValue(r);
                }
                yield Filter.in(filterKey(r), values);
            }
            case 2 -> {
                int sides = r.intRange(0, 2);
                yield new Filter.Range(filterKey(r), sides == 1 ? null : bound(r), sides == 0 ? null : bound(r),
                        r.trueOrFalse(), r.trueOrFalse());
            }
            case 3 -> new Filter.And(children(r, depth - 1));
            case 4 -> new Filter.Or(children(r, depth - 1));
            default -> Filter.not(poolFilter(r, depth - 1));
        };
    }

    private static List<Filter> children(Random r, int depth) {
        List<Filter> list = new ArrayList<>();
        int n = r.intRange(0, 3);
        for (int i = 0; i < n; i++) {
            list.add(poolFilter(r, depth));
        }
        return list;
    }

    /** A vector: sometimes zero, sometimes a copy of an earlier one (ties), sometimes from a few round values. */
    public static float[] vector(Random r, int dimension, List<float[]> earlier) {
        int kind = r.intRange(0, 9);
        if (kind == 0) {
            return new float[dimension];
        }
        if (kind <= 2 && !earlier.isEmpty()) {
            return earlier.get(r.intRange(0, earlier.size() - 1)).clone();
        }
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = kind == 3 ? r.oneOf(-1f, 0f, 0.5f, 1f, 2f) : r.floatRange(-1f, 1f);
        }
        return v;
    }
}
