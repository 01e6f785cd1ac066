package dev.weft.core.cost;

import dev.weft.core.InvalidInputException;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What calls have cost, per {@link CostScope} key (all calls, each user, tenant, feature and model), over all time
 * and per day. {@link Budgets} records every call it sees here and enforces its limits against these totals, so that
 * budgets in several pipelines that share a ledger share their spending.
 *
 * <pre>{@code
 * CostLedger ledger = CostLedger.builder().zone(ZoneId.of("Europe/Paris")).build();
 * ChatModel model = ChatPipeline.over(remote).with(Budgets.builder().ledger(ledger).build()).build();
 * …
 * BigDecimal today = ledger.total(CostScope.USER, "u-42", ledger.today()).spent();
 * List<CostTotal> everything = ledger.snapshot();
 * }</pre>
 *
 * <p>Amounts are exact {@link BigDecimal} sums in one {@link #currency()}: the total of a key is the sum of the costs
 * recorded for it, whatever the interleaving of the threads that recorded them. Each line is updated lock-free by
 * compare-and-set. A day begins at midnight in {@link #zone()}; per-day lines older than {@code retainDays} are
 * forgotten (the all-time lines are kept). The ledger lives in memory. Thread-safe.
 */
public final class CostLedger {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final CostScope[] SCOPES = CostScope.values();
    private static final Comparator<CostTotal> ORDER = Comparator.comparing(CostTotal::scope)
            .thenComparing(CostTotal::key)
            .thenComparing(CostTotal::day, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final InstantSource clock;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final String currency;
    private final int retainDays;
    private final List<Map<String, Account>> accounts = new ArrayList<>();
    private final AtomicLong newestDay = new AtomicLong(Long.MIN_VALUE);

    private CostLedger(Builder b) {
        this.clock = b.clock;
        this.zone = b.zone;
        this.rules = b.zone.getRules();
        this.currency = b.currency;
        this.retainDays = b.retainDays;
        for (int i = 0; i < SCOPES.length; i++) {
            accounts.add(new ConcurrentHashMap<>());
        }
    }

    /** A ledger in US dollars, with days in UTC, on the system clock. */
    public static CostLedger inMemory() {
        return builder().build();
    }

    /** A builder with the defaults of {@link #inMemory()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records the cost of one call under every scope it has a key for, in its day's line and in the all-time line.
     *
     * @throws InvalidInputException if a cost other than zero is in another currency than the ledger's
     */
    public void record(CostEntry entry) {
        Preconditions.notNull(entry, "entry");
        settle(entry, epochDay(entry.at()), Held.NONE);
    }

    /** What {@code key} of {@code scope} has spent over all time; zeros when it has recorded nothing. */
    public CostTotal total(CostScope scope, String key) {
        Account a = account(scope, key, false);
        return line(scope, key, a == null ? null : a.allTime);
    }

    /** What {@code key} of {@code scope} spent on {@code day} (in the ledger's zone); zeros when nothing is kept for it. */
    public CostTotal total(CostScope scope, String key, LocalDate day) {
        Preconditions.notNull(day, "day");
        Account a = account(scope, key, false);
        Tally t = a == null ? null : a.existingDay(day.toEpochDay());
        return t == null ? new CostTotal(scope, key, day, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0) : line(scope, key, t);
    }

    /** What every call together has spent over all time. */
    public CostTotal globalTotal() {
        return total(CostScope.GLOBAL, CostScope.GLOBAL_KEY);
    }

    /**
     * Every line the ledger holds: for each scope and key, the all-time total and the kept days, ordered by scope,
     * key, then all-time first and days in order. A line changed by a concurrent call may show it or not.
     */
    public List<CostTotal> snapshot() {
        List<CostTotal> lines = new ArrayList<>();
        for (CostScope scope : SCOPES) {
            accounts.get(scope.ordinal()).forEach((key, account) -> {
                lines.add(line(scope, key, account.allTime));
                account.days().values().forEach(t -> lines.add(line(scope, key, t)));
            });
        }
        lines.sort(ORDER);
        return List.copyOf(lines);
    }

    /** Today in the ledger's zone, by its clock. */
    public LocalDate today() {
        return LocalDate.ofEpochDay(epochDay(clock.instant()));
    }

    /** The currency of every amount. */
    public String currency() {
        return currency;
    }

    /** The zone whose midnight begins a day. */
    public ZoneId zone() {
        return zone;
    }

    /** How many days of per-day lines are kept, today included. */
    public int retainDays() {
        return retainDays;
    }

    Instant now() {
        return clock.instant();
    }

    long epochDay(Instant at) {
        long local = at.getEpochSecond() + rules.getOffset(at).getTotalSeconds();
        return Math.floorDiv(local, SECONDS_PER_DAY);
    }

    /** The tally a {@code window} budget of {@code key} reserves against, created if needed. */
    Tally tally(CostScope scope, String key, Window window, long day) {
        Account a = account(scope, key, true);
        return window == Window.DAILY ? dayOf(a, day) : a.allTime;
    }

    /**
     * Records {@code entry} in every line it belongs to and gives back the reservations in {@code held}: in the same
     * step where a held tally is one of the entry's lines, on its own otherwise (the model that answered is not the
     * one the call reserved for).
     */
    void settle(CostEntry entry, long day, Held held) {
        if (entry.cost().signum() != 0 && !entry.currency().equals(currency)) {
            held.releaseRemaining();
            throw new InvalidInputException("A cost in " + entry.currency() + " cannot be recorded in a ledger that counts "
                    + currency + "; price " + entry.model().id() + " in " + currency + " (a PriceTable override does that)");
        }
        RequestContext context = entry.context();
        String modelId = entry.model().id();
        for (CostScope scope : SCOPES) {
            String key = scope.keyOf(context, modelId);
            if (key == null) {
                continue;
            }
            Account a = account(scope, key, true);
            a.allTime.settle(entry.cost(), entry.usage(), held.take(a.allTime));
            if (kept(day)) { // a day already forgotten is not brought back
                Tally d = dayOf(a, day);
                d.settle(entry.cost(), entry.usage(), held.take(d));
            }
        }
        held.releaseRemaining();
    }

    private boolean kept(long day) {
        long newest = newestDay.get();
        return newest == Long.MIN_VALUE || day > newest - retainDays;
    }

    private Tally dayOf(Account a, long day) {
        long newest = newestDay.get();
        if (day > newest && newestDay.compareAndSet(newest, day) && newest != Long.MIN_VALUE) {
            forgetBefore(day - retainDays + 1);
        }
        return a.day(day);
    }

    /** Runs once per new day, on the thread that first records in it. */
    private void forgetBefore(long oldestKept) {
        for (Map<String, Account> byKey : accounts) {
            byKey.values().forEach(a -> a.forgetBefore(oldestKept));
        }
    }

    private Account account(CostScope scope, String key, boolean create) {
        Preconditions.notNull(scope, "scope");
        Preconditions.notNull(key, "key");
        Map<String, Account> byKey = accounts.get(scope.ordinal());
        Account a = byKey.get(key);
        if (a == null && create) {
            a = byKey.computeIfAbsent(key, k -> new Account());
        }
        return a;
    }

    private static CostTotal line(CostScope scope, String key, Tally t) {
        if (t == null) {
            return new CostTotal(scope, key, null, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);
        }
        Tally.Balance b = t.balance();
        return new CostTotal(scope, key, t.day == Tally.ALL_TIME ? null : LocalDate.ofEpochDay(t.day), b.spent(), b.reserved(),
                b.calls(), b.inputTokens(), b.outputTokens());
    }

    /** Builds a {@link CostLedger}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private InstantSource clock = InstantSource.system();
        private ZoneId zone = ZoneOffset.UTC;
        private String currency = "USD";
        private int retainDays = 31;

        private Builder() {}

        /** Where the time comes from (a {@link java.time.Clock} will do); default the system clock. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /** The zone whose midnight begins a day; default UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** The ISO 4217 code of every amount, such as {@code EUR}; default {@code USD}. */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** How many days of per-day lines to keep, today included, >= 1; default 31. */
        public Builder retainDays(int retainDays) {
            this.retainDays = retainDays;
            return this;
        }

        /**
         * The ledger.
         *
         * @throws InvalidInputException naming the first bad option
         */
        public CostLedger build() {
            Preconditions.notNull(clock, "clock");
            Preconditions.notNull(zone, "zone");
            Preconditions.notBlank(currency, "currency");
            Preconditions.check(retainDays >= 1, "retainDays must be >= 1, was " + retainDays);
            return new CostLedger(this);
        }
    }
}
