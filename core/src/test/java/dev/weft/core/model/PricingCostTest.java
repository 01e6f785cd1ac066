package dev.weft.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@link Pricing#cost}: exact decimal arithmetic, per million tokens. */
class PricingCostTest {

    @Test
    void costIsExact() {
        Pricing p = Pricing.perMillion("0.15", "0.60", "USD");
        // 1,234 × 0.15 + 567 × 0.60 = 185.10 + 340.20 = 525.30 per million
        assertThat(p.cost(new TokenUsage(1_234, 567))).isEqualByComparingTo("0.0005253");
    }

    @Test
    void costOfAMillionTokensIsThePrice() {
        Pricing p = Pricing.perMillion("2.50", "10.00", "USD");
        assertThat(p.cost(new TokenUsage(1_000_000, 0))).isEqualByComparingTo("2.5");
        assertThat(p.cost(new TokenUsage(0, 1_000_000))).isEqualByComparingTo("10");
        assertThat(p.cost(new TokenUsage(3_000_000, 1_000_000))).isEqualByComparingTo("17.5");
    }

    @Test
    void oneTokenAtTheSmallestPriceIsNotRoundedAway() {
        assertThat(Pricing.perMillion("0.01", "0", "USD").cost(new TokenUsage(1, 0))).isEqualByComparingTo("0.00000001");
    }

    @Test
    void freeCostsNothing() {
        assertThat(Pricing.FREE.cost(new TokenUsage(123_456_789, 987_654_321))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Pricing.FREE.currency()).isEqualTo("USD");
    }

    @Test
    void pricesMustBeNonNegativeAndComplete() {
        assertThatThrownBy(() -> Pricing.perMillion("-0.01", "0", "USD"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputPerMillion must be >= 0, was -0.01");
        assertThatThrownBy(() -> Pricing.perMillion("0", "-1", "USD"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outputPerMillion must be >= 0");
        assertThatThrownBy(() -> Pricing.perMillion("0", "0", " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> new Pricing(null, BigDecimal.ONE, "USD"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputPerMillion must not be null");
    }

    @Test
    void tokenUsageAddsUpAndRefusesNegatives() {
        TokenUsage u = new TokenUsage(10, 5).plus(new TokenUsage(1, 2));
        assertThat(u).isEqualTo(new TokenUsage(11, 7));
        assertThat(u.totalTokens()).isEqualTo(18);
        assertThatThrownBy(() -> new TokenUsage(-1, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputTokens must be >= 0, was -1");
        assertThatThrownBy(() -> new TokenUsage(0, -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outputTokens");
    }
}
