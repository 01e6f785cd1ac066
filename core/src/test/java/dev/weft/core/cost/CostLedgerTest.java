package dev.weft.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What a ledger keeps: totals per scope key, over all time and per day, in one currency. */
class CostLedgerTest {
    private static final ModelInfo MINI = ModelInfo.builder("gpt-4o-mini", "openai").build();
    private static final ModelInfo BIG = ModelInfo.builder("gpt-4o", "openai").build();
    private static final Instant JAN_1_NOON = Instant.parse("2025-01-01T12:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final CostLedger ledger = CostLedger.builder().clock(clock).build();

    private static CostEntry entry(Instant at, String user, String tenant, String feature, ModelInfo model, String cost) {
        RequestContext ctx = RequestContext.builder().userId(user).tenantId(tenant).feature(feature).build();
        return new CostEntry(at, ctx, model, new TokenUsage(10, 5), new BigDecimal(cost), "USD", false);
    }

    @Test
    void aCallCountsUnderEveryScopeItHasAKeyFor() {
        ledger.record(entry(JAN_1_NOON, "u1", "acme", "chat", MINI, "0.10"));
        ledger.record(entry(JAN_1_NOON, "u1", "acme", "search", BIG, "0.25"));
        ledger.record(entry(JAN_1_NOON, "u2", "acme", "chat", MINI, "0.05"));

        assertThat(ledger.globalTotal().spent()).isEqualByComparingTo("0.40");
        assertThat(ledger.globalTotal().calls()).isEqualTo(3);
        assertThat(ledger.total(CostScope.USER, "u1").spent()).isEqualByComparingTo("0.35");
        assertThat(ledger.total(CostScope.USER, "u2").spent()).isEqualByComparingTo("0.05");
        assertThat(ledger.total(CostScope.TENANT, "acme").spent()).isEqualByComparingTo("0.40");
        assertThat(ledger.total(CostScope.FEATURE, "chat").spent()).isEqualByComparingTo("0.15");
        assertThat(ledger.total(CostScope.MODEL, "gpt-4o").spent()).isEqualByComparingTo("0.25");
        CostTotal u1 = ledger.total(CostScope.USER, "u1");
        assertThat(u1.inputTokens()).isEqualTo(20);
        assertThat(u1.outputTokens()).isEqualTo(10);
        assertThat(u1.allTime()).isTrue();
        assertThat(u1.reserved()).isEqualByComparingTo("0");
    }

    @Test
    void aKeyThatWasNeverRecordedHasZeroTotals() {
        CostTotal none = ledger.total(CostScope.USER, "nobody");
        assertThat(none.spent()).isEqualByComparingTo("0");
        assertThat(none.calls()).isZero();
        assertThat(ledger.total(CostScope.USER, "nobody", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("0");
    }

    @Test
    void aRequestWithoutAUserOrWithABlankOneIsCountedOnlyUnderTheScopesItHas() {
        ledger.record(entry(JAN_1_NOON, null, "acme", " ", MINI, "0.10"));
        assertThat(ledger.snapshot()).extracting(CostTotal::scope).doesNotContain(CostScope.USER, CostScope.FEATURE);
        assertThat(ledger.total(CostScope.TENANT, "acme").spent()).isEqualByComparingTo("0.10");
        assertThat(ledger.globalTotal().spent()).isEqualByComparingTo("0.10");
    }

    @Test
    void dailyLinesFollowTheDayACallStartedIn() {
        ledger.record(entry(Instant.parse("2025-01-01T23:59:59Z"), "u1", null, null, MINI, "1"));
        ledger.record(entry(Instant.parse("2025-01-02T00:00:00Z"), "u1", null, null, MINI, "2"));
        ledger.record(entry(Instant.parse("2025-01-02T18:00:00Z"), "u1", null, null, MINI, "4"));

        assertThat(ledger.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("1");
        assertThat(ledger.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 2)).spent()).isEqualByComparingTo("6");
        assertThat(ledger.total(CostScope.USER, "u1").spent()).isEqualByComparingTo("7");
    }

    @Test
    void daysBeginAtMidnightInTheConfiguredZone() {
        CostLedger tokyo = CostLedger.builder().clock(clock).zone(ZoneId.of("Asia/Tokyo")).build();
        // 16:00 UTC on 1 January is 01:00 on 2 January in Tokyo (UTC+9).
        tokyo.record(entry(Instant.parse("2025-01-01T16:00:00Z"), "u1", null, null, MINI, "1"));
        assertThat(tokyo.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 2)).spent()).isEqualByComparingTo("1");
        assertThat(tokyo.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("0");
        clock.advance(Duration.ofHours(16));
        assertThat(tokyo.today()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(ledger.today()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void daysOlderThanTheRetentionAreForgottenButTheAllTimeTotalKeepsThem() {
        CostLedger shortMemory = CostLedger.builder().clock(clock).retainDays(2).build();
        Instant day1 = Instant.parse("2025-01-01T10:00:00Z");
        shortMemory.record(entry(day1, "u1", null, null, MINI, "1"));
        shortMemory.record(entry(day1.plus(Duration.ofDays(1)), "u1", null, null, MINI, "2"));
        assertThat(shortMemory.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("1");

        shortMemory.record(entry(day1.plus(Duration.ofDays(2)), "u1", null, null, MINI, "4"));
        assertThat(shortMemory.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("0");
        assertThat(shortMemory.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 2)).spent()).isEqualByComparingTo("2");
        assertThat(shortMemory.total(CostScope.USER, "u1").spent()).isEqualByComparingTo("7");

        // A late record for a forgotten day still counts over all time, and does not bring the day back.
        shortMemory.record(entry(day1, "u1", null, null, MINI, "8"));
        assertThat(shortMemory.total(CostScope.USER, "u1", LocalDate.of(2025, 1, 1)).spent()).isEqualByComparingTo("0");
        assertThat(shortMemory.total(CostScope.USER, "u1").spent()).isEqualByComparingTo("15");
    }

    @Test
    void snapshotListsEveryLineInScopeKeyAndDayOrder() {
        ledger.record(entry(JAN_1_NOON.plus(Duration.ofDays(1)), "u2", null, null, MINI, "1"));
        ledger.record(entry(JAN_1_NOON, "u1", null, null, MINI, "2"));

        assertThat(ledger.snapshot()).extracting(t -> t.scope() + "/" + t.key() + "/" + t.day()).containsExactly(
                "GLOBAL/*/null", "GLOBAL/*/2025-01-01", "GLOBAL/*/2025-01-02",
                "USER/u1/null", "USER/u1/2025-01-01",
                "USER/u2/null", "USER/u2/2025-01-02",
                "MODEL/gpt-4o-mini/null", "MODEL/gpt-4o-mini/2025-01-01", "MODEL/gpt-4o-mini/2025-01-02");
    }

    @Test
    void aCostInAnotherCurrencyIsRefusedButAFreeCallInAnyCurrencyIsCounted() {
        RequestContext ctx = RequestContext.builder().userId("u1").build();
        assertThatThrownBy(() -> ledger.record(new CostEntry(JAN_1_NOON, ctx, MINI, TokenUsage.ZERO, new BigDecimal("1"), "EUR", false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
        assertThat(ledger.snapshot()).isEmpty();

        ledger.record(new CostEntry(JAN_1_NOON, ctx, MINI, new TokenUsage(3, 4), BigDecimal.ZERO, "EUR", false));
        assertThat(ledger.total(CostScope.USER, "u1").calls()).isEqualTo(1);
    }

    @Test
    void builderNamesTheBadOption() {
        assertThatThrownBy(() -> CostLedger.builder().retainDays(0).build()).hasMessageContaining("retainDays");
        assertThatThrownBy(() -> CostLedger.builder().currency(" ").build()).hasMessageContaining("currency");
        assertThatThrownBy(() -> CostLedger.builder().zone(null).build()).hasMessageContaining("zone");
        assertThatThrownBy(() -> CostLedger.builder().clock(null).build()).hasMessageContaining("clock");
    }
}
