package dev.weft.core.cost;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.json.WeftJson;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices by model id, on top of the {@link Pricing} each model's {@link ModelInfo} carries: a model listed here is
 * priced by its entry, any other by its own {@code ModelInfo.pricing()} — unless the table is {@link #strict()}, when
 * an unlisted model is an error (so that a remote model whose info says {@link Pricing#FREE} because nobody set its
 * prices cannot slip past every budget). Immutable and thread-safe.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.builder()
 *     .from(PriceTable.loadResource("prices.json"))
 *     .price("my-finetune", Pricing.perMillion("0.30", "1.20", "USD"))
 *     .build();
 * BigDecimal cost = prices.cost(response.model(), response.usage());
 * }</pre>
 *
 * <p>The JSON format: prices per million tokens as numbers or decimal strings (read exactly), a currency per entry
 * or one for the whole table, and {@code strict} optional (default false). Unknown fields are errors, so a misspelt
 * field cannot silently price a model at zero.
 *
 * <pre>{@code
 * {
 *   "currency": "USD",
 *   "strict": false,
 *   "models": {
 *     "gpt-4o-mini":   { "inputPerMillion": 0.15, "outputPerMillion": 0.60 },
 *     "gpt-4o":        { "inputPerMillion": "2.50", "outputPerMillion": "10.00" },
 *     "mistral-large": { "inputPerMillion": 2, "outputPerMillion": 6, "currency": "EUR" }
 *   }
 * }
 * }</pre>
 */
public final class PriceTable {
    private static final PriceTable MODEL_PRICING = new PriceTable(Map.of(), false);

    private final Map<String, Pricing> prices;
    private final boolean strict;

    private PriceTable(Map<String, Pricing> prices, boolean strict) {
        this.prices = prices;
        this.strict = strict;
    }

    /** A table with no entries: every model is priced by its own {@link ModelInfo#pricing()}. */
    public static PriceTable modelPricing() {
        return MODEL_PRICING;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A table read from JSON text.
     *
     * @throws PriceTableFormatException naming the line, column and field of the first problem
     */
    public static PriceTable parse(String json) {
        Preconditions.notNull(json, "json");
        return PriceTableReader.read(PriceTableReader.parser(json), "price table JSON");
    }

    /**
     * A table read from a JSON file.
     *
     * @throws PriceTableFormatException naming the line, column and field of the first problem
     * @throws InvalidInputException if the file cannot be read
     */
    public static PriceTable load(Path file) {
        Preconditions.notNull(file, "file");
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new InvalidInputException("Could not open the price table " + file + ": " + e, e);
        }
        return load(in, file.toString());
    }

    /**
     * A table read from a JSON stream, which is closed afterwards.
     *
     * @param source names the stream in error messages, such as a file name or URL
     * @throws PriceTableFormatException naming the line, column and field of the first problem
     */
    public static PriceTable load(InputStream in, String source) {
        Preconditions.notNull(in, "in");
        Preconditions.notBlank(source, "source");
        try (in) {
            return PriceTableReader.read(WeftJson.mapper().createParser(in), source);
        } catch (IOException e) {
            throw new InvalidInputException("Could not close the price table " + source + ": " + e, e);
        }
    }

    /**
     * A table read from a class-path resource, such as {@code "prices.json"} or {@code "config/prices.json"}, found by
     * the thread's context class loader (or this library's, when there is none).
     *
     * @throws InvalidInputException if there is no such resource
     * @throws PriceTableFormatException naming the line, column and field of the first problem
     */
    public static PriceTable loadResource(String name) {
        Preconditions.notBlank(name, "name");
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(path);
        if (in == null) {
            in = PriceTable.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new InvalidInputException("No price table resource '" + path + "' on the class path; check its name and that it is"
                    + " packaged (for example under src/main/resources)");
        }
        return load(in, "classpath:" + path);
    }

    /**
     * The price of {@code model}: its entry here, or else its own {@link ModelInfo#pricing()}.
     *
     * @throws InvalidInputException if the table is strict and has no entry for the model
     */
    public Pricing pricing(ModelInfo model) {
        Pricing p = prices.get(model.id());
        if (p != null) {
            return p;
        }
        if (strict) {
            throw new InvalidInputException("The price table is strict and has no price for model '" + model.id() + "' ("
                    + model.provider() + "); add an entry for it, or make the table non-strict to use the model's own pricing");
        }
        return model.pricing();
    }

    /** What {@code usage} of {@code model} costs, at {@link #pricing(ModelInfo)}. */
    public BigDecimal cost(ModelInfo model, TokenUsage usage) {
        return pricing(model).cost(usage);
    }

    /** The entry for {@code modelId}, if the table has one. */
    public Optional<Pricing> price(String modelId) {
        return Optional.ofNullable(prices.get(modelId));
    }

    /** Every entry, by model id. */
    public Map<String, Pricing> prices() {
        return prices;
    }

    /** Whether a model without an entry is an error rather than priced by its own info. */
    public boolean strict() {
        return strict;
    }

    @Override
    public String toString() {
        return "PriceTable" + (strict ? "(strict)" : "") + prices;
    }

    /** Builds a {@link PriceTable}; a later entry for a model replaces an earlier one. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Pricing> prices = new LinkedHashMap<>();
        private boolean strict;

        private Builder() {}

        /** The price of the model whose {@link ModelInfo#id()} is {@code modelId}. */
        public Builder price(String modelId, Pricing pricing) {
            Preconditions.notBlank(modelId, "modelId");
            prices.put(modelId, Preconditions.notNull(pricing, "pricing"));
            return this;
        }

        /** Every entry of {@code table}, and its strictness. */
        public Builder from(PriceTable table) {
            Preconditions.notNull(table, "table");
            prices.putAll(table.prices);
            strict = table.strict;
            return this;
        }

        /** Whether a model without an entry is an error; default false (it is priced by its own info). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public PriceTable build() {
            return new PriceTable(Map.copyOf(prices), strict);
        }
    }
}
