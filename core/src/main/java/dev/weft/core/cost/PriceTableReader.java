package dev.weft.core.cost;

import dev.weft.core.InvalidInputException;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.Pricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads the JSON format described on {@link PriceTable} with Jackson's streaming parser, so that every error can name
 * its line, column and field. One instance reads one document.
 */
final class PriceTableReader {
    private static final String FORMAT_HINT = " (the format is {\"currency\": \"USD\", \"models\": {\"<model id>\": "
            + "{\"inputPerMillion\": 0.15, \"outputPerMillion\": 0.60}}})";

    /** An entry as written, before the table's default currency is applied. */
    private record Entry(String modelId, BigDecimal input, BigDecimal output, String currency, TokenStreamLocation at,
            String field) {}

    private final JsonParser parser;
    private final String source;

    private PriceTableReader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /** Reads the table {@code parser} holds; closes the parser. */
    static PriceTable read(JsonParser parser, String source) {
        try (parser) {
            return new PriceTableReader(parser, source).table();
        } catch (JacksonIOException e) {
            throw new InvalidInputException("Could not read the price table from " + source + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new PriceTableFormatException("not valid JSON: " + e.getOriginalMessage(), source,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), pointer(parser));
        }
    }

    private PriceTable table() {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw fail("the price table must be a JSON object" + FORMAT_HINT);
        }
        String currency = null;
        boolean strict = false;
        List<Entry> entries = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "currency" -> currency = currency();
                case "strict" -> strict = bool();
                case "models" -> entries = models();
                default -> throw fail("unknown field \"" + name + "\"; a price table has \"currency\", \"strict\" and \"models\"");
            }
        }
        if (parser.nextToken() != null) {
            throw fail("unexpected content after the price table's closing brace");
        }
        if (entries == null) {
            throw new PriceTableFormatException("the price table has no \"models\" object" + FORMAT_HINT, source, 1, 1, "");
        }
        PriceTable.Builder table = PriceTable.builder().strict(strict);
        for (Entry e : entries) {
            String c = e.currency() != null ? e.currency() : currency;
            if (c == null) {
                throw new PriceTableFormatException("the price of \"" + e.modelId() + "\" has no currency; give it a \"currency\""
                        + " or give the table a default \"currency\"", source, e.at().getLineNr(), e.at().getColumnNr(), e.field());
            }
            table.price(e.modelId(), new Pricing(e.input(), e.output(), c));
        }
        return table.build();
    }

    private List<Entry> models() {
        expectObject("\"models\" must be an object from model id to price");
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String id = parser.currentName();
            if (id.isBlank()) {
                throw fail("a model id must not be blank");
            }
            if (!seen.add(id)) {
                throw fail("the model \"" + id + "\" is priced twice");
            }
            parser.nextToken();
            entries.add(entry(id));
        }
        return entries;
    }

    private Entry entry(String id) {
        expectObject("the price of \"" + id + "\" must be an object with \"inputPerMillion\" and \"outputPerMillion\"");
        TokenStreamLocation at = parser.currentTokenLocation();
        String field = pointer(parser);
        BigDecimal input = null;
        BigDecimal output = null;
        String currency = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "inputPerMillion" -> input = amount();
                case "outputPerMillion" -> output = amount();
                case "currency" -> currency = currency();
                default -> throw fail("unknown field \"" + name + "\"; a price has \"inputPerMillion\", \"outputPerMillion\""
                        + " and optionally \"currency\"");
            }
        }
        if (input == null || output == null) {
            throw new PriceTableFormatException("the price of \"" + id + "\" needs both \"inputPerMillion\" and \"outputPerMillion\"",
                    source, at.getLineNr(), at.getColumnNr(), field);
        }
        return new Entry(id, input, output, currency, at, field);
    }

    private BigDecimal amount() {
        JsonToken t = parser.currentToken();
        BigDecimal value;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            value = parser.getDecimalValue();
        } else if (t == JsonToken.VALUE_STRING) {
            try {
                value = new BigDecimal(parser.getString().strip());
            } catch (NumberFormatException e) {
                throw fail("\"" + parser.getString() + "\" is not a decimal number");
            }
        } else {
            throw fail("a price per million tokens must be a number or a decimal string, not " + describe(t));
        }
        if (value.signum() < 0) {
            throw fail("a price must be >= 0, was " + value);
        }
        return value;
    }

    private String currency() {
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getString().isBlank()) {
            throw fail("a currency must be an ISO 4217 code such as \"USD\"");
        }
        return parser.getString().strip();
    }

    private boolean bool() {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw fail("\"strict\" must be true or false, not " + describe(t));
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private void expectObject(String problem) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail(problem + ", not " + describe(parser.currentToken()));
        }
    }

    private PriceTableFormatException fail(String problem) {
        TokenStreamLocation at = parser.currentToken() == null ? parser.currentLocation() : parser.currentTokenLocation();
        return new PriceTableFormatException(problem, source, at.getLineNr(), at.getColumnNr(), pointer(parser));
    }

    private static String pointer(JsonParser parser) {
        return parser.streamReadContext() == null ? "" : parser.streamReadContext().pathAsPointer().toString();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the document";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    /** A parser over {@code json} from the shared mapper's factory. */
    static JsonParser parser(String json) {
        return WeftJson.mapper().createParser(json);
    }
}
