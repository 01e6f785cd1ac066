package dev.weft.rag.lucene;

import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import java.math.BigDecimal;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * How metadata becomes filterable Lucene fields. Each type has its own field name per key, so that a string
 * never meets a boolean or a number that looks like it ({@code "true"}, {@code "2024"}):
 *
 * <ul>
 *   <li>a String is a {@link StringField} {@code meta.str.<key>};</li>
 *   <li>a Boolean is a {@link StringField} {@code meta.bool.<key>} holding {@code true} or {@code false};</li>
 *   <li>a number (Long or Double) is two fields. {@code meta.num.<key>} is a {@link StringField} holding the
 *       number's exact decimal value in canonical form ({@link #exactTerm}), so that {@code eq} and {@code in}
 *       match by exact value as {@link Filter#valuesEqual} does: {@code 2024L} and {@code 2024.0} share the term
 *       {@code 2024}, while longs beyond 2^53 keep distinct terms. {@code meta.range.<key>} is a
 *       {@link DoublePoint} of {@link Number#doubleValue()}, which is the value {@link Filter.Range} compares.</li>
 * </ul>
 *
 * <p>Nothing here is stored: the store keeps the whole {@link Metadata} as JSON to rebuild it exactly.
 */
final class MetadataFields {
    private static final String STRING = "meta.str.";
    private static final String BOOLEAN = "meta.bool.";
    private static final String NUMBER = "meta.num.";
    private static final String RANGE = "meta.range.";

    /** The longest term Lucene indexes, in UTF-8 bytes. */
    static final int MAX_TERM_BYTES = 32766;

    private MetadataFields() {}

    static String stringField(String key) {
        return STRING + key;
    }

    static String booleanField(String key) {
        return BOOLEAN + key;
    }

    static String numberField(String key) {
        return NUMBER + key;
    }

    static String rangeField(String key) {
        return RANGE + key;
    }

    /** Adds the filterable fields of {@code metadata} to {@code doc}. */
    static void addTo(Document doc, Metadata metadata) {
        metadata.asMap().forEach((key, value) -> {
            switch (value) {
                case String s -> doc.add(new StringField(stringField(key), s, Field.Store.NO));
                case Boolean b -> doc.add(new StringField(booleanField(key), b.toString(), Field.Store.NO));
                case Long n -> addNumber(doc, key, n);
                case Double n -> addNumber(doc, key, n);
                default -> throw new InvalidInputException("metadata value of '" + key + "' has unsupported type "
                        + value.getClass().getName() + "; use String, Long, Double or Boolean");
            }
        });
    }

    private static void addNumber(Document doc, String key, Number n) {
        doc.add(new StringField(numberField(key), exactTerm(n), Field.Store.NO));
        doc.add(new DoublePoint(rangeField(key), rangeValue(n.doubleValue())));
    }

    /**
     * The canonical exact decimal of a Long or a finite Double: equal values give equal terms whatever their
     * type ({@code 2024L}, {@code 2024.0}, {@code -0.0} and {@code 0L} too), different values different terms.
     */
    static BytesRef exactTerm(Number n) {
        BigDecimal exact = n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(n.doubleValue());
        return new BytesRef(exact.stripTrailingZeros().toString());
    }

    /**
     * {@code d} with negative zero made positive: {@link DoublePoint} orders {@code -0.0} below {@code 0.0}, but
     * {@link Filter.Range} compares with Java's {@code <=}, for which they are equal.
     */
    static double rangeValue(double d) {
        return d == 0 ? 0.0 : d;
    }
}
