package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.RequestContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What limit a budget gives each key, and what it refuses to be built with. */
class BudgetLimitsTest {
    private static final BigDecimal FIVE = new BigDecimal("5");

    @Test
    void aFixedLimitIsEveryKeysAndWhatLimitReturns() {
        Budget b = Budget.hard(CostScope.USER, Window.DAILY, FIVE);
        assertThat(b.limit()).isEqualByComparingTo("5");
        assertThat(b.limitOf("anyone")).isEqualByComparingTo("5");
        assertThat(b.limits()).isEqualTo(BudgetLimits.of(FIVE));
        assertThat(b).as("the old constructor and the new factory build equal budgets")
                .isEqualTo(new Budget(CostScope.USER, Window.DAILY, FIVE, true))
                .isEqualTo(Budget.hard(CostScope.USER, Window.DAILY, BudgetLimits.of(FIVE)));
    }

    @Test
    void aTableGivesListedKeysTheirOwnLimitAndTheOthersTheDefault() {
        Budget b = Budget.hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(FIVE)
                .with("acme", new BigDecimal("500"))
                .with("noisy", BigDecimal.ONE)
                .with("trial", BigDecimal.ZERO));
        assertThat(b.limitOf("acme")).isEqualByComparingTo("500");
        assertThat(b.limitOf("noisy")).isEqualByComparingTo("1");
        assertThat(b.limitOf("trial")).isEqualByComparingTo("0");
        assertThat(b.limitOf("other")).isEqualByComparingTo("5");
        assertThat(b.limit()).as("limit() is the default for per-key limits").isEqualByComparingTo("5");
    }

    @Test
    void withReplacesAKeysLimitAndLeavesTheOriginalTableAlone() {
        BudgetLimits.Table base = BudgetLimits.of(FIVE).with("acme", BigDecimal.TEN);
        BudgetLimits.Table raised = base.with("acme", new BigDecimal("20"));
        assertThat(raised.limitOf("acme")).isEqualByComparingTo("20");
        assertThat(base.limitOf("acme")).isEqualByComparingTo("10");
        assertThat(raised.limits()).hasSize(1);
    }

    @Test
    void aTableCopiesItsMap() {
        Map<String, BigDecimal> mine = new HashMap<>(Map.of("acme", BigDecimal.TEN));
        BudgetLimits.Table t = new BudgetLimits.Table(FIVE, mine);
        mine.put("acme", BigDecimal.ONE);
        assertThat(t.limitOf("acme")).isEqualByComparingTo("10");
        assertThatThrownBy(() -> t.limits().put("x", BigDecimal.ONE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLookupGivesEachKeyWhatItReturnsAndTheDefaultForNull() {
        Map<String, BigDecimal> plans = Map.of("pro-user", new BigDecimal("50"), "blocked", BigDecimal.ZERO);
        Budget b = Budget.hard(CostScope.USER, Window.DAILY, BudgetLimits.by(FIVE, plans::get));
        assertThat(b.limitOf("pro-user")).isEqualByComparingTo("50");
        assertThat(b.limitOf("blocked")).isEqualByComparingTo("0");
        assertThat(b.limitOf("free-user")).isEqualByComparingTo("5");
        assertThat(b.limit()).isEqualByComparingTo("5");
    }

    @Test
    void aLookupThatReturnsANegativeLimitIsATypedErrorNamingTheBudgetAndTheKey() {
        Budget b = Budget.soft(CostScope.TENANT, Window.TOTAL, BudgetLimits.by(FIVE, key -> new BigDecimal("-1")));
        assertThatThrownBy(() -> b.limitOf("acme"))
                .isInstanceOfSatisfying(BudgetLimitException.class, e -> {
                    assertThat(e.key()).isEqualTo("acme");
                    assertThat(e.budget()).isEqualTo("soft total budget per tenant");
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageContaining("'acme'")
                .hasMessageContaining("-1")
                .hasMessageContaining(">= 0");
    }

    @Test
    void aLookupThatThrowsIsATypedErrorNamingTheKeyWithTheCause() {
        IllegalStateException down = new IllegalStateException("plans database unreachable");
        Budget b = Budget.hard(CostScope.USER, Window.DAILY, BudgetLimits.by(FIVE, key -> {
            throw down;
        }));
        assertThatThrownBy(() -> b.limitOf("u-42"))
                .isInstanceOfSatisfying(BudgetLimitException.class, e -> {
                    assertThat(e.key()).isEqualTo("u-42");
                    assertThat(e.budget()).isEqualTo("hard daily budget per user");
                    assertThat(e.getCause()).isSameAs(down);
                })
                .hasMessageContaining("'u-42'")
                .hasMessageContaining("plans database unreachable");
    }

    @Test
    void badLimitsAreRefusedWhenBuiltNamingWhatIsWrong() {
        assertThatThrownBy(() -> BudgetLimits.of(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("defaultLimit");
        assertThatThrownBy(() -> BudgetLimits.of(new BigDecimal("-0.01"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("defaultLimit must be >= 0, was -0.01");
        assertThatThrownBy(() -> BudgetLimits.of(FIVE).with("acme", new BigDecimal("-3")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("the limit of 'acme' must be >= 0");
        assertThatThrownBy(() -> BudgetLimits.of(FIVE).with("acme", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'acme'");
        assertThatThrownBy(() -> BudgetLimits.of(FIVE).with(" ", BigDecimal.ONE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> new BudgetLimits.Table(FIVE, Map.of("acme", new BigDecimal("-1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'acme'");
        assertThatThrownBy(() -> BudgetLimits.by(FIVE, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("lookup");
        assertThatThrownBy(() -> BudgetLimits.by(new BigDecimal("-1"), k -> null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("defaultLimit");
        assertThatThrownBy(() -> Budget.hard(CostScope.USER, Window.DAILY, (BudgetLimits) null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limits");
    }

    @Test
    void aBreachBuiltTheOldWayTakesTheKeysLimitFromTheBudget() {
        Budget b = Budget.soft(CostScope.TENANT, Window.DAILY, BudgetLimits.of(FIVE).with("acme", BigDecimal.TEN));
        BudgetBreach breach = new BudgetBreach(b, "acme", new BigDecimal("9"), BigDecimal.ZERO, new BigDecimal("2"), "USD",
                RequestContext.EMPTY, "m");
        assertThat(breach.limit()).isEqualByComparingTo("10");
        assertThat(breach.remaining()).isEqualByComparingTo("1");
    }
}
