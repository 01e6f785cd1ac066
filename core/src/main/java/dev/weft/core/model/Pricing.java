package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a model charges, per million tokens read and written, in one currency. Immutable.
 *
 * <pre>{@code
 * Pricing gpt4oMini = Pricing.perMillion("0.15", "0.60", "USD");
 * BigDecimal cost = gpt4oMini.cost(response.usage());
 * }</pre>
 *
 * @param inputPerMillion price of one million input tokens
 * @param outputPerMillion price of one million output tokens
 * @param currency ISO 4217 code such as {@code USD}
 */
public record Pricing(BigDecimal inputPerMillion, BigDecimal outputPerMillion, String currency) {
    /** A model that costs nothing to call, such as a local ONNX model. */
    public static final Pricing FREE = new Pricing(BigDecimal.ZERO, BigDecimal.ZERO, "USD");

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Pricing {
        Preconditions.notNull(inputPerMillion, "inputPerMillion");
        Preconditions.notNull(outputPerMillion, "outputPerMillion");
        Preconditions.notBlank(currency, "currency");
        Preconditions.check(inputPerMillion.signum() >= 0, "inputPerMillion must be >= 0, was " + inputPerMillion);
        Preconditions.check(outputPerMillion.signum() >= 0, "outputPerMillion must be >= 0, was " + outputPerMillion);
    }

    /** Prices given as decimal strings, to keep them exact. */
    public static Pricing perMillion(String input, String output, String currency) {
        return new Pricing(new BigDecimal(input), new BigDecimal(output), currency);
    }

    /** The cost of {@code usage} at these prices, in {@link #currency()}. */
    public BigDecimal cost(TokenUsage usage) {
        BigDecimal in = inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens()));
        BigDecimal out = outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens()));
        return in.add(out).divide(MILLION, MathContext.DECIMAL64);
    }
}
