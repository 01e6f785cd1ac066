package dev.weft.core.testing;

import dev.weft.core.model.Capability;
import dev.weft.core.model.Classification;
import dev.weft.core.model.ClassificationResponse;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.EmbeddingResponse;
import dev.weft.core.model.LabelScore;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.ScoringResponse;
import dev.weft.core.model.TokenUsage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.instancio.Random;

/** Generators for the model package's values, each respecting its constructor's validation. */
public final class ModelValues {
    private ModelValues() {}

    public static TokenUsage usage(Random r) {
        return new TokenUsage(r.longRange(0, 2_000_000_000L), r.longRange(0, 2_000_000_000L));
    }

    /** Non-negative decimals of many scales, including negative scales ({@code 5E+3}) and trailing zeros. */
    public static BigDecimal price(Random r) {
        return switch (r.intRange(0, 3)) {
            case 0 -> r.oneOf(BigDecimal.ZERO, new BigDecimal("0.15"), new BigDecimal("0.150"), new BigDecimal("5E+3"),
                    new BigDecimal("0E-8"), new BigDecimal("123456789012345678901234567890.123456789"));
            default -> new BigDecimal(BigInteger.valueOf(r.longRange(0, 1_000_000_000_000L)), r.intRange(-5, 12));
        };
    }

    public static Pricing pricing(Random r) {
        return new Pricing(price(r), price(r), r.upperCaseAlphabetic(3));
    }

    public static Set<Capability> capabilities(Random r) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if (r.trueOrFalse()) {
                set.add(c);
            }
        }
        return set;
    }

    public static Map<String, String> stringMap(Random r, int maxEntries) {
        Map<String, String> map = new LinkedHashMap<>();
        int n = r.intRange(0, maxEntries);
        for (int i = 0; i < n; i++) {
            map.put(Texts.text(r, 8), Texts.text(r, 12));
        }
        return map;
    }

    public static ModelInfo modelInfo(Random r) {
        return new ModelInfo(Texts.nonBlank(r, 20), Texts.nonBlank(r, 10),
                r.trueOrFalse() ? null : Texts.text(r, 8),
                capabilities(r), r.intRange(0, 2_000_000),
                r.trueOrFalse(0.2) ? null : pricing(r),
                stringMap(r, 3));
    }

    /** A finite float from a mix of ordinary values and edge values (signed zero, extremes, subnormals). */
    public static float component(Random r) {
        return switch (r.intRange(0, 5)) {
            case 0 -> r.oneOf(0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                    Float.MIN_NORMAL, 0.1f, 1e-30f);
            case 1 -> Float.intBitsToFloat(r.intRange(0, 0x7F7FFFFF)) * (r.trueOrFalse() ? 1 : -1); // any finite float
            default -> r.floatRange(-10f, 10f);
        };
    }

    public static float[] vector(Random r, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = component(r);
        }
        return v;
    }

    public static Embedding embedding(Random r) {
        return new Embedding(vector(r, r.intRange(0, 24)), r.intRange(0, 512), r.trueOrFalse());
    }

    public static EmbeddingResponse embeddingResponse(Random r) {
        List<Embedding> list = new ArrayList<>();
        int n = r.intRange(0, 4);
        for (int i = 0; i < n; i++) {
            list.add(embedding(r));
        }
        return new EmbeddingResponse(list, r.trueOrFalse(0.2) ? null : usage(r));
    }

    /** A finite double from ordinary values and edge values. */
    public static double finiteDouble(Random r) {
        return switch (r.intRange(0, 4)) {
            case 0 -> r.oneOf(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 0.1);
            case 1 -> Double.longBitsToDouble(r.longRange(0, 0x7FEFFFFFFFFFFFFFL)) * (r.trueOrFalse() ? 1 : -1);
            default -> r.doubleRange(-20, 20);
        };
    }

    public static ScoringResponse scoringResponse(Random r) {
        List<Double> scores = new ArrayList<>();
        int n = r.intRange(0, 6);
        for (int i = 0; i < n; i++) {
            scores.add(finiteDouble(r));
        }
        return new ScoringResponse(scores, r.trueOrFalse(0.2) ? null : usage(r));
    }

    public static LabelScore labelScore(Random r) {
        double p = r.intRange(0, 3) == 0 ? r.oneOf(0.0, 1.0, 0.5) : r.doubleRange(0, 1);
        return new LabelScore(Texts.nonBlank(r, 12), p);
    }

    public static Classification classification(Random r) {
        List<LabelScore> labels = new ArrayList<>();
        int n = r.intRange(1, 5);
        for (int i = 0; i < n; i++) {
            labels.add(labelScore(r));
        }
        return new Classification(labels);
    }

    public static ClassificationResponse classificationResponse(Random r) {
        List<Classification> list = new ArrayList<>();
        int n = r.intRange(0, 3);
        for (int i = 0; i < n; i++) {
            list.add(classification(r));
        }
        return new ClassificationResponse(list, r.trueOrFalse(0.2) ? null : usage(r));
    }
}
