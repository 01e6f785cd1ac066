package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import org.junit.jupiter.api.Test;

/** Which price a model gets: its table entry, else its own, unless the table is strict. */
class PriceTableLookupTest {
    private static final Pricing OWN = Pricing.perMillion("1", "2", "USD");
    private static final Pricing LISTED = Pricing.perMillion("0.15", "0.60", "USD");
    private static final ModelInfo MINI = ModelInfo.builder("gpt-4o-mini", "openai").pricing(OWN).build();
    private static final ModelInfo OTHER = ModelInfo.builder("llama", "onnx").pricing(OWN).build();

    @Test
    void anEntryOverridesTheModelsOwnPricingAndOthersKeepTheirs() {
        PriceTable table = PriceTable.builder().price("gpt-4o-mini", LISTED).build();
        assertThat(table.pricing(MINI)).isEqualTo(LISTED);
        assertThat(table.pricing(OTHER)).isEqualTo(OWN);
        assertThat(table.cost(MINI, new TokenUsage(1_000_000, 1_000_000))).isEqualByComparingTo("0.75");
    }

    @Test
    void theEmptyTableUsesEveryModelsOwnPricing() {
        assertThat(PriceTable.modelPricing().pricing(MINI)).isEqualTo(OWN);
        assertThat(PriceTable.modelPricing().prices()).isEmpty();
    }

    @Test
    void aStrictTableRefusesAModelItDoesNotList() {
        PriceTable strict = PriceTable.builder().price("gpt-4o-mini", LISTED).strict(true).build();
        assertThat(strict.pricing(MINI)).isEqualTo(LISTED);
        assertThatThrownBy(() -> strict.pricing(OTHER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'llama'")
                .hasMessageContaining("strict");
    }

    @Test
    void aLaterEntryReplacesAnEarlierOneSoCodeCanAmendALoadedTable() {
        PriceTable loaded = PriceTable.parse("""
                {"currency": "USD", "strict": true, "models": {"gpt-4o-mini": {"inputPerMillion": 9, "outputPerMillion": 9}}}""");
        PriceTable amended = PriceTable.builder().from(loaded).price("gpt-4o-mini", LISTED).build();
        assertThat(amended.pricing(MINI)).isEqualTo(LISTED);
        assertThat(amended.strict()).isTrue();
    }

    @Test
    void builderRejectsABlankModelId() {
        assertThatThrownBy(() -> PriceTable.builder().price(" ", LISTED)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("modelId");
    }
}
