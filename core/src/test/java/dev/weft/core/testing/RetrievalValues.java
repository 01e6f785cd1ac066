package dev.weft.core.testing;

import dev.weft.core.retrieval.Citation;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.RetrievalQuery;
import dev.weft.core.retrieval.RetrievedChunk;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.TextQuery;
import dev.weft.core.retrieval.VectorQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.instancio.Random;

/**
 * Generators for the retrieval package's values. Metadata and filters draw their keys from a small pool (plus
 * keys no metadata holds) and their values from a small pool of mixed types, so that generated filters match
 * some chunks and not others, numbers meet across types ({@code 2024} and {@code 2024.0}), and strings meet
 * numbers that look alike ({@code "2024"}).
 */
public final class RetrievalValues {
    /** Keys metadata may hold. */
    public static final List<String> KEYS = List.of("lang", "year", "score", "draft", "tag");
    /** Keys that no generated metadata holds. */
    public static final List<String> MISSING_KEYS = List.of("absent", "Lang");

    private RetrievalValues() {}

    /** A value from the small pool: String, Long, Double or Boolean, with look-alikes across types. */
    public static Object poolValue(Random r) {
        return switch (r.intRange(0, 4)) {
            case 0 -> r.oneOf("en", "fr", "2024", "", "true", "1");
            case 1 -> r.oneOf(2024L, 0L, 1L, -1L, 2023L);
            case 2 -> r.oneOf(2024.0, 0.0, -0.0, 1.0, 1.5, -1.0, 2023.5);
            case 3 -> r.trueOrFalse();
            default -> r.oneOf(new Object[] {2024, 1, (short) 0, (byte) -1, 2024.0f, 1.5f}); // widened by normalisation
        };
    }

    /** An arbitrary normalised value: any String, Long, finite Double or Boolean. */
    public static Object anyValue(Random r) {
        return switch (r.intRange(0, 3)) {
            case 0 -> Texts.text(r, 12);
            case 1 -> r.trueOrFalse() ? r.longRange(Long.MIN_VALUE, Long.MAX_VALUE) : r.longRange(-1000, 1000);
            case 2 -> ModelValues.finiteDouble(r);
            default -> r.trueOrFalse();
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

    /** Metadata with arbitrary keys and values. */
    public static Metadata anyMetadata(Random r) {
        Map<String, Object> map = new TreeMap<>();
        int n = r.intRange(0, 5);
        for (int i = 0; i < n; i++) {
            map.put(Texts.nonBlank(r, 8), anyValue(r));
        }
        return r.trueOrFalse() ? Metadata.of(map) : Metadata.of(flatten(map));
    }

    private static Object[] flatten(Map<String, Object> map) {
        List<Object> kv = new ArrayList<>();
        map.forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        return kv.toArray();
    }

    private static String filterKey(Random r) {
        return r.trueOrFalse(0.85) ? r.oneOf(KEYS) : r.oneOf(MISSING_KEYS);
    }

    private static Double bound(Random r) {
        return r.oneOf(2024.0, 2023.5, 0.0, -0.0, 1.0, 1.5, -1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                r.doubleRange(-3000, 3000));
    }

    public static Filter.Range range(Random r, String key) {
        int sides = r.intRange(0, 2);
        Double min = sides == 1 ? null : bound(r);
        Double max = sides == 0 ? null : bound(r);
        return new Filter.Range(key, min, max, r.trueOrFalse(), r.trueOrFalse());
    }

    /** A random filter tree of depth at most {@code depth} (leaves count as depth 1), over pool keys and values. */
    public static Filter poolFilter(Random r, int depth) {
        int kinds = depth > 1 ? 6 : 3;
        return switch (r.intRange(0, kinds - 1)) {
            case 0 -> Filter.eq(filterKey(r), poolValue(r));
            case 1 -> {
                int n = r.intRange(1, 3);
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = poolValue(r);
                }
                yield Filter.in(filterKey(r), values);
            }
            case 2 -> range(r, filterKey(r));
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

    /** A random filter tree with arbitrary keys and values, for serialisation. */
    public static Filter anyFilter(Random r, int depth) {
        int kinds = depth > 1 ? 6 : 3;
        return switch (r.intRange(0, kinds - 1)) {
            case 0 -> Filter.eq(Texts.nonBlank(r, 8), anyValue(r));
            case 1 -> {
                List<Object> values = new ArrayList<>();
                int n = r.intRange(1, 3);
                for (int i = 0; i < n; i++) {
                    values.add(anyValue(r));
                }
                yield new Filter.In(Texts.nonBlank(r, 8), values);
            }
            case 2 -> range(r, Texts.nonBlank(r, 8));
            case 3 -> new Filter.And(anyChildren(r, depth - 1));
            case 4 -> new Filter.Or(anyChildren(r, depth - 1));
            default -> Filter.not(anyFilter(r, depth - 1));
        };
    }

    private static List<Filter> anyChildren(Random r, int depth) {
        List<Filter> list = new ArrayList<>();
        int n = r.intRange(0, 3);
        for (int i = 0; i < n; i++) {
            list.add(anyFilter(r, depth));
        }
        return list;
    }

    public static StoredChunk storedChunk(Random r) {
        return new StoredChunk(Texts.nonBlank(r, 12), Texts.text(r, 40), ModelValues.vector(r, r.intRange(0, 16)),
                r.trueOrFalse(0.2) ? null : anyMetadata(r));
    }

    public static SearchHit searchHit(Random r) {
        return new SearchHit(storedChunk(r), ModelValues.finiteDouble(r));
    }

    private static Filter optionalFilter(Random r) {
        return r.trueOrFalse(0.3) ? null : anyFilter(r, 3);
    }

    public static VectorQuery vectorQuery(Random r) {
        return new VectorQuery(ModelValues.vector(r, r.intRange(0, 16)), r.intRange(1, Integer.MAX_VALUE),
                optionalFilter(r), r.trueOrFalse() ? Double.NEGATIVE_INFINITY : ModelValues.finiteDouble(r));
    }

    public static TextQuery textQuery(Random r) {
        return new TextQuery(Texts.text(r, 30), r.intRange(1, 1000), optionalFilter(r));
    }

    public static RetrievalQuery retrievalQuery(Random r) {
        return new RetrievalQuery(Texts.nonBlank(r, 30), r.intRange(1, 1000), optionalFilter(r));
    }

    public static RetrievedChunk retrievedChunk(Random r) {
        return new RetrievedChunk(Texts.nonBlank(r, 12), Texts.text(r, 40), ModelValues.finiteDouble(r),
                r.trueOrFalse(0.2) ? null : anyMetadata(r));
    }

    public static Citation citation(Random r) {
        return new Citation(Texts.nonBlank(r, 12), Texts.text(r, 20), Texts.text(r, 20), r.intRange(0, 5000));
    }
}
