package io.basira.spark;

import io.basira.card.LoyaltyStanding;
import io.basira.commerce.OrderStatus;
import io.basira.loyalty.Cause;
import io.basira.loyalty.ExpiryKind;
import io.basira.loyalty.LedgerEntry;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.PurchaseActivity.Purchases;
import io.basira.loyalty.Standings;
import io.basira.loyalty.Tier;
import io.basira.loyalty.TierBasis;
import io.basira.shared.Dates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The loyalty fields of the rules (docs/loyalty.md: {@code loyalty_points}, {@code loyalty_tier},
 * {@code points_expiring_30d}, {@code lifetime_points}) from the store export's {@value #PROGRAM} (the store's
 * program) and {@value #LEDGER} (every entry of its points ledgers): each entry is a {@link Fact#LOYALTY} of its
 * customer, and her fold computes her standing with the core's {@link Standings#of} — the function the engine's
 * ledger book and midnight store — at the end of the as-of day ({@link BrowsingJob#now}), from her entries recorded
 * before then (in the order they were appended) and her completed orders created before then (the spend of the
 * 12 months for a tier by spend, the last one for expiry by inactivity).
 */
public final class LoyaltyJob {

    /** The export's file of the store's program: one row, or none when the store has no program. */
    public static final String PROGRAM = "loyalty_program.csv";

    /** Its columns, in the export's order (money in minor units; {@code tiers} see {@link #program}). */
    public static final List<String> PROGRAM_COLUMNS = List.of(
            "enabled",
            "starts_at",
            "earn_points",
            "earn_per_minor",
            "pending_days",
            "review_points",
            "birthday_points",
            "signup_points",
            "tier_basis",
            "tiers",
            "expiry_months",
            "expiry_kind",
            "expiry_warning_days",
            "redeem_points",
            "redeem_minor",
            "free_shipping_points",
            "free_product_points",
            "free_product_id");

    /** The export's file of ledger entries. */
    public static final String LEDGER = "loyalty_ledger.csv";

    /** Its columns, in the export's order ({@code entry}: the order entries were appended in, the ledger's id). */
    public static final List<String> LEDGER_COLUMNS = List.of(
            "customer_id",
            "entry",
            "cause",
            "ref",
            "points",
            "shortfall",
            "multiplier_permille",
            "available_at",
            "recorded_at");

    private static final Map<List<String>, LoyaltyProgram> PARSED = new ConcurrentHashMap<>();

    private LoyaltyJob() {}

    /**
     * Each store's program row (read by the driver: one small row per store), checked here so that a bad one fails
     * before the job; a store without one is absent.
     */
    public static Map<String, List<String>> programs(SparkSession spark, List<StoreSource> stores) {
        Map<String, List<String>> programs = new HashMap<>();
        for (Row row : StoreTables.read(spark, stores, PROGRAM, PROGRAM_COLUMNS).collectAsList()) {
            String store = row.getAs("store");
            List<String> values = new ArrayList<>();
            for (String column : PROGRAM_COLUMNS) {
                values.add(Facts.text(row, column));
            }
            try {
                program(values);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "store '" + store + "', " + PROGRAM + ": " + e.getMessage() + " (row " + row + ")", e);
            }
            if (programs.put(store, values) != null) {
                throw new IllegalArgumentException("store '" + store + "', " + PROGRAM + ": more than one program");
            }
        }
        return programs;
    }

    /**
     * The program of a row of {@value #PROGRAM} (cached): the engine's record, checked by its constructor;
     * {@code tiers} holds each tier as {@code name|threshold|multiplier_permille|free_shipping|early_access}, joined
     * by {@code ;}.
     */
    public static LoyaltyProgram program(List<String> row) {
        return PARSED.computeIfAbsent(
                List.copyOf(row.stream().map(v -> v == null ? "" : v).toList()), LoyaltyJob::parse);
    }

    private static LoyaltyProgram parse(List<String> row) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < PROGRAM_COLUMNS.size(); i++) {
            v.put(
                    PROGRAM_COLUMNS.get(i),
                    row.get(i).isBlank() ? null : row.get(i).strip());
        }
        List<Tier> tiers = new ArrayList<>();
        if (v.get("tiers") != null) {
            for (String tier : v.get("tiers").split(";")) {
                String[] parts = tier.split("\\|", -1);
                if (parts.length != 5) {
                    throw new IllegalArgumentException("tier '" + tier
                            + "': expected name|threshold|multiplier_permille|free_shipping|early_access");
                }
                tiers.add(new Tier(
                        parts[0],
                        Long.parseLong(parts[1]),
                        Integer.parseInt(parts[2]),
                        Boolean.parseBoolean(parts[3]),
                        Boolean.parseBoolean(parts[4])));
            }
        }
        return new LoyaltyProgram(
                Boolean.parseBoolean(v.get("enabled")),
                Dates.parseInstant(required(v, "starts_at"), java.time.ZoneOffset.UTC),
                whole(v, "earn_points"),
                whole(v, "earn_per_minor"),
                (int) whole(v, "pending_days"),
                whole(v, "review_points"),
                whole(v, "birthday_points"),
                whole(v, "signup_points"),
                TierBasis.fromCode(required(v, "tier_basis")),
                tiers,
                (int) whole(v, "expiry_months"),
                (int) whole(v, "expiry_warning_days"),
                whole(v, "redeem_points"),
                whole(v, "redeem_minor"),
                whole(v, "free_shipping_points"),
                whole(v, "free_product_points"),
                v.get("free_product_id"),
                ExpiryKind.fromCode(v.get("expiry_kind")));
    }

    private static String required(Map<String, String> v, String column) {
        String value = v.get(column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    private static long whole(Map<String, String> v, String column) {
        String value = v.get(column);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Every store's ledger entries, one fact each. */
    public static Dataset<Fact> facts(SparkSession spark, List<StoreSource> stores) {
        Map<String, StoreSource> byStore = CardsJob.bySlug(stores);
        return StoreTables.read(spark, stores, LEDGER, LEDGER_COLUMNS).map(parser(byStore), Encoders.bean(Fact.class));
    }

    private static MapFunction<Row, Fact> parser(Map<String, StoreSource> stores) {
        return row -> entry(row, stores);
    }

    /** One row of {@value #LEDGER}; a row the engine would not have stored (no customer, cause, instant) fails. */
    static Fact entry(Row row, Map<String, StoreSource> stores) {
        StoreSource store = stores.get(row.<String>getAs("store"));
        try {
            Fact fact = new Fact();
            fact.setStore(store.slug());
            String customer = Facts.text(row, "customer_id");
            if (customer == null) {
                throw new IllegalArgumentException("customer_id is empty");
            }
            fact.setCustomerId(customer);
            fact.setKind(Fact.LOYALTY);
            String entry = Facts.text(row, "entry");
            fact.setEntry(entry == null ? (long) row.getAs("seq") : Long.parseLong(entry));
            fact.setCode(Cause.fromCode(required(row, "cause")).code());
            fact.setRef(required(row, "ref"));
            fact.setAmountMinor(Long.parseLong(required(row, "points")));
            String shortfall = Facts.text(row, "shortfall");
            fact.setShortfall(shortfall == null ? 0 : Long.parseLong(shortfall));
            String multiplier = Facts.text(row, "multiplier_permille");
            fact.setMultiplierPermille(
                    multiplier == null ? LoyaltyProgram.NO_MULTIPLIER : Integer.parseInt(multiplier));
            fact.at(Dates.parseInstant(required(row, "recorded_at"), store.zone()));
            Instant available = Dates.parseInstant(required(row, "available_at"), store.zone());
            fact.setAvailableEpochSecond(available.getEpochSecond());
            fact.setAvailableNano(available.getNano());
            ledgerEntry(fact); // the engine's checks (a shortfall only on a reversal)
            return fact;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "store '" + row.getAs("store") + "', " + LEDGER + ": " + e.getMessage() + " (row " + row + ")", e);
        }
    }

    private static String required(Row row, String column) {
        String value = Facts.text(row, column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    static LedgerEntry ledgerEntry(Fact fact) {
        return new LedgerEntry(
                fact.getCustomerId(),
                Cause.fromCode(fact.getCode()),
                fact.getRef(),
                fact.getAmountMinor(),
                fact.getShortfall(),
                fact.getMultiplierPermille(),
                Instant.ofEpochSecond(fact.getAvailableEpochSecond(), fact.getAvailableNano()),
                fact.instant(),
                null,
                null);
    }

    /**
     * One customer's standing at {@code now} as the engine computes it ({@link Standings#of}): her ledger entries
     * recorded before {@code now}, in the order they were appended, and her completed orders created before
     * {@code now} (the spend since {@link Standings#since}, the last one), as {@code JdbcPurchaseActivity} reads
     * them. {@link LoyaltyStanding#NONE} without a program or without an entry (a customer the engine never gave
     * an account).
     */
    public static LoyaltyStanding standing(LoyaltyProgram program, List<Fact> ledger, List<Fact> orders, Instant now) {
        if (program == null) {
            return LoyaltyStanding.NONE;
        }
        List<Fact> sorted = new ArrayList<>(ledger);
        sorted.sort(Comparator.comparingLong(Fact::getEntry));
        List<LedgerEntry> entries = new ArrayList<>();
        for (Fact fact : sorted) {
            if (fact.instant().isBefore(now)) {
                entries.add(ledgerEntry(fact));
            }
        }
        if (entries.isEmpty()) {
            return LoyaltyStanding.NONE;
        }
        return Standings.of(program, entries, purchases(orders, now), now);
    }

    /** Her completed orders created before {@code now}: the spend since 12 months before it, the last one; or null. */
    static Purchases purchases(List<Fact> orders, Instant now) {
        Instant since = Standings.since(now);
        long spend = 0;
        Instant last = null;
        for (Fact order : orders) {
            Instant at = order.instant();
            if (!OrderStatus.COMPLETED.code().equals(order.getCode()) || !at.isBefore(now)) {
                continue;
            }
            if (!at.isBefore(since)) {
                spend += order.getAmountMinor();
            }
            last = last == null || at.isAfter(last) ? at : last;
        }
        return last == null ? null : new Purchases(spend, last);
    }
}
