package io.basira.bench;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.loyalty.Account;
import io.basira.loyalty.LedgerEntry;
import io.basira.loyalty.LedgerReplay;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.OrderSettlement;
import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import io.basira.loyalty.Tier;
import io.basira.loyalty.TierBasis;
import io.basira.shared.Money;
import io.basira.shared.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The loyalty rebuild's computation at the size of issue 16's target (every ledger of a 100,000-customer store
 * with 1,000,000 orders replayed in at most 10 s): a synthetic store whose live ledgers were settled order by
 * order as the write path does (completions, partial refunds, returns), then every ledger replayed from scratch
 * ({@link LedgerReplay}) and compared. It measures the core's work only; the server's rebuild adds streaming the
 * ledger and the completed orders from the database. Also the cost of settling one order on the write path
 * (the participant's computation, without its two statements).
 * <pre>
 * ./mvnw -B -q -pl basira-bench -am package -DskipTests
 * java -cp basira-bench/target/classes:basira-core/target/classes io.basira.bench.LoyaltyReplayBench \
 *     --customers 100000 --orders 1000000 --rounds 3
 * </pre>
 */
public final class LoyaltyReplayBench {

    private static final Currency SAR = Currency.getInstance("SAR");

    public static void main(String[] args) {
        int customers = Integer.parseInt(OrderWriteLoad.option(args, "--customers", "100000"));
        int orders = Integer.parseInt(OrderWriteLoad.option(args, "--orders", "1000000"));
        int rounds = Integer.parseInt(OrderWriteLoad.option(args, "--rounds", "3"));
        LoyaltyProgram program = new LoyaltyProgram(
                true,
                Instant.parse("2024-01-01T00:00:00Z"),
                1,
                100,
                14,
                0,
                0,
                0,
                TierBasis.SPEND_12M,
                List.of(new Tier("bronze", 0, 1000, false, false), new Tier("gold", 500_000, 1500, true, true)),
                12,
                7,
                100,
                1000,
                300,
                0,
                null);
        Instant now = Instant.parse("2024-06-01T09:00:00Z");
        Random random = new Random(16);
        List<Account> accounts = new ArrayList<>(customers);
        List<List<CompletedOrder>> completed = new ArrayList<>(customers);
        long settleNanos = 0;
        long settled = 0;
        int perCustomer = Math.max(1, orders / customers);
        for (int c = 0; c < customers; c++) {
            String customer = "c" + c;
            List<LedgerEntry> entries = new ArrayList<>();
            List<CompletedOrder> mine = new ArrayList<>();
            for (int o = 0; o < perCustomer; o++) {
                String id = customer + "-" + o;
                long total = 1000 + random.nextInt(100_000);
                Instant created = now.minus(Duration.ofDays(random.nextInt(150)));
                int fate = random.nextInt(10);
                long start = System.nanoTime();
                settle(program, entries, customer, id, total, now);
                if (fate == 0) {
                    settle(program, entries, customer, id, 0, now); // returned
                } else if (fate == 1) {
                    total = total / 2; // refunded in part
                    settle(program, entries, customer, id, total, now);
                }
                settleNanos += System.nanoTime() - start;
                settled++;
                if (fate != 0) {
                    mine.add(new CompletedOrder(customer, id, created, total));
                }
            }
            accounts.add(new Account(customer, entries, "bronze"));
            completed.add(mine);
        }
        System.out.printf(
                Locale.ROOT,
                "settling on the write path: %.2f µs per order (%d orders), computation only%n",
                settleNanos / 1000.0 / settled,
                settled);
        System.out.println("write participant sanity: " + writeOnce(program));
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long differences = 0;
            long entries = 0;
            for (int c = 0; c < customers; c++) {
                Account account = accounts.get(c);
                List<LedgerEntry> replayed = LedgerReplay.replay(program, account, completed.get(c), now);
                differences += LedgerReplay.differences(account.customerId(), account.entries(), replayed)
                        .size();
                entries += replayed.size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: replayed %d ledgers (%d orders, %d entries) in %.2f s," + " %d differences%n",
                    round,
                    customers,
                    (long) customers * perCustomer,
                    entries,
                    seconds,
                    differences);
            // what RebuildLedgers does: the shortcut, the full replay only for a ledger it cannot call equal
            start = System.nanoTime();
            long sources = 0;
            long full = 0;
            for (int c = 0; c < customers; c++) {
                Account account = accounts.get(c);
                long equal = LedgerReplay.sourcesIfEqual(program, account, completed.get(c));
                if (equal < 0) {
                    full++;
                    LedgerReplay.differences(
                            account.customerId(),
                            account.entries(),
                            LedgerReplay.replay(program, account, completed.get(c), now));
                } else {
                    sources += equal;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: the rebuild's comparison (sourcesIfEqual) in %.2f s, %d sources, %d replayed in full%n",
                    round,
                    (System.nanoTime() - start) / 1e9,
                    sources,
                    full);
        }
    }

    private static void settle(
            LoyaltyProgram program, List<LedgerEntry> entries, String customer, String order, long total, Instant now) {
        OrderSettlement.settle(
                        program,
                        customer,
                        order,
                        new CompletedOrder(customer, order, now, total),
                        LoyaltyProgram.NO_MULTIPLIER,
                        entries,
                        now)
                .ifPresent(entries::add);
    }

    /** One order through the participant's input types, to keep this bench honest about what it skips. */
    private static String writeOnce(LoyaltyProgram program) {
        Order order = new Order(
                "o1",
                "c1",
                Instant.parse("2024-05-01T00:00:00Z"),
                OrderStatus.COMPLETED,
                Money.ofMinor(15_000, SAR),
                null,
                null,
                null,
                null);
        OrdersWritten written = new OrdersWritten(new StoreId(1), List.of(new OrderChange(null, order)));
        return written.changes().size() + " order, "
                + program.orderPoints(order.total().minor(), 1000) + " points";
    }
}
