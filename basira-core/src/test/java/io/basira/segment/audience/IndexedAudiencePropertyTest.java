package io.basira.segment.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.Condition;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.fixtures.RandomCustomers;
import io.basira.segment.fixtures.RandomRules;
import io.basira.segment.text.RuleText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * Random rules over random customers: the columnar audience's full scan (one thread and two), its
 * one-row test and the reference {@link ScanAudience} select exactly the same rows. Sizes sit on the
 * 65,536-row chunk boundary; days include 28/29 February and 31 December. The seed, day and rule are in
 * every failure message so that a failure can be replayed.
 */
class IndexedAudiencePropertyTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final List<LocalDate> DAYS = List.of(
            LocalDate.of(2024, 6, 15),
            LocalDate.of(2025, 2, 28),
            LocalDate.of(2028, 2, 28),
            LocalDate.of(2028, 2, 29),
            LocalDate.of(2024, 12, 31),
            LocalDate.of(2025, 1, 1));

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @ParameterizedTest(name = "seed {0}, {1} customers, {2} rules per day")
    @CsvSource({
        "11, 0, 20",
        "12, 1, 150",
        "13, 2, 150",
        "14, 700, 150",
        "15, 700, 150",
        "16, 65535, 3",
        "17, 65536, 3",
        "18, 65537, 3"
    })
    void the_columnar_audience_selects_what_the_reference_selects(long seed, int customers, int rulesPerDay) {
        List<LocalDate> days =
                customers > 10_000 ? List.of(DAYS.get((int) seed % DAYS.size()), LocalDate.of(2024, 12, 31)) : DAYS;
        for (LocalDate today : days) {
            EvaluationContext ctx = new EvaluationContext(today, RIYADH, 2);
            List<CustomerProfile> profiles = new RandomCustomers(seed, today, RIYADH).next(customers);
            ScanAudience reference = AudienceFixtures.load(new ScanAudience(), profiles);
            IndexedAudience oneThread = AudienceFixtures.load(new IndexedAudience(RIYADH, 2, 0), profiles);
            IndexedAudience twoThreads =
                    AudienceFixtures.load(new IndexedAudience(RIYADH, 2, customers, pool, 2), profiles);
            Function<String, RoaringBitmap> groups = AudienceFixtures.groups(profiles);
            RandomRules rules = new RandomRules(seed * 31 + today.toEpochDay(), today);
            for (int i = 0; i < rulesPerDay; i++) {
                Condition rule = rules.next(3);
                String description = "seed " + seed + ", " + customers + " customers, today " + today + ", rule #" + i
                        + ": " + RuleText.print(rule);
                RoaringBitmap expected = reference.members(rule, ctx, groups);
                assertThat(oneThread.members(rule, ctx, groups)).as(description).isEqualTo(expected);
                assertThat(twoThreads.members(rule, ctx, groups))
                        .as(description)
                        .isEqualTo(expected);
                assertThat(rowByRow(oneThread, rule, ctx, groups))
                        .as(description + " (matches)")
                        .isEqualTo(expected);
            }
        }
    }

    private static RoaringBitmap rowByRow(
            IndexedAudience audience, Condition rule, EvaluationContext ctx, Function<String, RoaringBitmap> groups) {
        RoaringBitmap rows = new RoaringBitmap();
        for (int row = 0; row < audience.size(); row++) {
            if (audience.matches(rule, row, ctx, groups)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
