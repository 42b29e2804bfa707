package io.basira.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.loyalty.PurchaseActivity.Purchases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Standings#kept} sums the ledger in its own pass ({@link Standings.Pass}) instead of calling
 * {@link Balance#of} (it is on the write path and walks the entries anyway): on seeded ledgers, its sums are
 * {@link Balance#of}'s, its 12 months' earned points are {@link Standings#pointsEarnedSince}'s, and the card it keeps
 * is {@link Standings#of}'s.
 */
class StandingsTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Cause[] CAUSES = Cause.values();

    @Test
    void the_kept_standings_pass_sums_as_balance_of_does() {
        Random random = new Random(20261207L);
        Instant since = Standings.since(NOW);
        int negative = 0;
        for (int ledger = 0; ledger < 2_000; ledger++) {
            List<LedgerEntry> entries = ledger(random);
            for (boolean byPoints : new boolean[] {false, true}) {
                Standings.Pass pass = Standings.Pass.over(entries, NOW, since, byPoints, NOW.plus(Duration.ofDays(40)));
                Balance balance = Balance.of(entries, NOW);
                assertThat(pass.balance()).as("ledger %d", ledger).isEqualTo(balance);
                assertThat(pass.total()).isEqualTo(balance.total());
                assertThat(pass.available()).isEqualTo(balance.available());
                assertThat(pass.total() - pass.available()).isEqualTo(balance.pending());
                assertThat(Math.max(0, pass.lifetime())).isEqualTo(balance.lifetime());
                assertThat(Math.max(0, pass.earned())).isEqualTo(Standings.pointsEarnedSince(entries, since));
            }
            if (Balance.of(entries, NOW).available() < 0) {
                negative++;
            }
        }
        assertThat(negative).as("some ledgers are negative somewhere").isPositive();
    }

    @Test
    void the_kept_card_is_the_standing_of_the_ledger() {
        Random random = new Random(7L);
        List<LoyaltyProgram> programs =
                List.of(LoyaltyWorld.standard(), LoyaltyWorld.perLot(6), LoyaltyWorld.byPointsAtOnce());
        for (int ledger = 0; ledger < 1_000; ledger++) {
            List<LedgerEntry> entries = ledger(random);
            Purchases purchases = new Purchases(
                    random.nextInt(1_000_000),
                    NOW.minus(Duration.ofDays(random.nextInt(400))),
                    NOW.minus(Duration.ofDays(300)));
            for (LoyaltyProgram program : programs) {
                assertThat(Standings.kept(program, entries, purchases, NOW).card())
                        .as("ledger %d", ledger)
                        .isEqualTo(Standings.of(program, entries, purchases, NOW));
            }
        }
    }

    /** Up to 30 entries of any cause over the last 15 months, some pending, some negative, in time order. */
    private static List<LedgerEntry> ledger(Random random) {
        List<LedgerEntry> entries = new ArrayList<>();
        int size = random.nextInt(31);
        Instant at = NOW.minus(Duration.ofDays(460));
        for (int i = 0; i < size; i++) {
            at = at.plus(Duration.ofHours(random.nextInt(24 * 30)));
            if (at.isAfter(NOW)) {
                break;
            }
            Cause cause = CAUSES[random.nextInt(CAUSES.length)];
            long points = random.nextInt(2_000) - (random.nextInt(3) == 0 ? 1_500 : 0);
            long shortfall = cause == Cause.REVERSAL && points < 0 ? random.nextInt(100) : 0;
            Instant availableAt = random.nextBoolean() ? at : at.plus(Duration.ofDays(random.nextInt(30)));
            entries.add(new LedgerEntry(
                    "c",
                    cause,
                    "ref-" + i,
                    points,
                    shortfall,
                    LoyaltyProgram.NO_MULTIPLIER,
                    availableAt,
                    at,
                    null,
                    null));
        }
        return entries;
    }
}
