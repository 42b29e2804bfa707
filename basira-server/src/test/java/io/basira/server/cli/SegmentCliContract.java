package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basira segment count|export} on a small imported store whose counts were worked out by hand
 * (the comment on each rule says who matches and why), on every database.
 */
abstract class SegmentCliContract {

    @TempDir
    Path tmp;

    String slug;

    /** The {@code --data} or {@code --db-url} arguments of the database under test. */
    abstract List<String> database();

    // C1 female SA, born 1990-06-05: orders 1000 + 800 completed → 1800, 2 orders, last 2024-05-20
    // C2 male AE: 300 completed (2024-02-01), three cancelled → 300, 1 order, 3 cancelled
    // C3 female SA, no birth date: 150 completed 2024-04-01
    // C4 male KW, born 2000-06-01: 1600 pending 2024-05-31 (an order, but no purchase: not completed)
    // C5: nothing known, no orders
    private static final String CUSTOMERS = "customer_id,first_name,gender,birth_date,country,created_at,tags\n"
            + "C1,Noura,female,1990-06-05,SA,2023-01-01,vip\n"
            + "C2,Omar,male,1985-02-10,AE,2023-02-01,\n"
            + "C3,Sara,female,,SA,2023-03-01,b2b\n"
            + "C4,Ali,male,2000-06-01,KW,2023-04-01,\n"
            + "C5,Huda,,,,2023-05-01,\n";
    private static final String ORDERS = "order_id,customer_id,created_at,status,total\n"
            + "O1,C1,2024-01-10,completed,1000\n"
            + "O2,C1,2024-05-20,completed,800\n"
            + "O3,C2,2024-02-01,completed,300\n"
            + "O4,C2,2024-02-15,cancelled,200\n"
            + "O5,C2,2024-03-01,cancelled,100\n"
            + "O6,C2,2024-03-10,cancelled,50\n"
            + "O7,C3,2024-04-01,completed,150\n"
            + "O8,C4,2024-05-31,pending,1600\n";

    @BeforeEach
    void importStore() throws IOException {
        slug = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(dir.resolve("customers.csv"), CUSTOMERS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("orders.csv"), ORDERS, StandardCharsets.UTF_8);
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
    }

    private long count(String rule, String... asOf) {
        List<String> args = new ArrayList<>(List.of("segment", "count", "--store", slug, "--query", rule));
        if (asOf.length > 0) {
            args.addAll(List.of("--as-of", asOf[0]));
        }
        CliRun run = CliRun.of(database(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    @Test
    void counts_match_the_hand_computed_ones() {
        assertThat(count("total_spent > 1500 OR order_count > 10")).isEqualTo(2); // C1, C4
        assertThat(count("cancelled_orders > 2")).isEqualTo(1); // C2
        assertThat(count("total_spent < 200 AND order_count < 3")).isEqualTo(2); // C3, C5
        assertThat(count("country IN ('SA', 'AE') AND NOT (order_count > 5)")).isEqualTo(3); // C1, C2, C3
        assertThat(count("store_rating IS NULL")).isEqualTo(5);
        assertThat(count("country IS NULL OR tags = 'b2b'")).isEqualTo(2); // C5, C3
        assertThat(count("total_spent BETWEEN 300 AND 1600")).isEqualTo(2); // C2, C4: inclusive
        assertThat(count("gender != 'female'")).isEqualTo(2); // C2, C4; C5 unknown
    }

    @Test
    void as_of_sets_today_for_relative_dates_age_and_birthday() {
        assertThat(count("last_purchase_at < -90d", "2024-06-01")).isEqualTo(1); // before 03-03: C2
        assertThat(count("last_purchase_at < -90d", "2024-07-01")).isEqualTo(2); // before 04-02: C2, C3
        assertThat(count("last_purchase_at >= -30d", "2024-06-01")).isEqualTo(1); // since 05-02: C1
        assertThat(count("last_purchase_at IS NULL")).isEqualTo(2); // C4 (pending only), C5
        assertThat(count("gender = 'female' AND birthday BETWEEN today AND +7d", "2024-06-01"))
                .isEqualTo(1); // C1
        assertThat(count("gender = 'female' AND birthday BETWEEN today AND +7d", "2024-06-06"))
                .isZero();
        assertThat(count("age >= 24", "2024-06-01")).isEqualTo(3); // C1, C2, C4 (24 today)
        assertThat(count("age >= 24", "2024-05-31")).isEqualTo(2);
    }

    @Test
    void analytics_fields_count_once_the_store_is_refreshed() {
        assertThat(count("revenue_percentile > 80")).isZero(); // never refreshed
        assertThat(count("revenue_percentile IS NULL")).isEqualTo(5);
        CliRun refresh = CliRun.of(database(), "analyze", "refresh", "--store", slug, "--as-of", "2024-06-01");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        // buyers by counted spend (pending counts): C1 1800, C4 1600, C2 300, C3 150; N = 4, percentile
        // 100·(4 − G)/4 with G the buyers who spent more: C1 100, C4 75, C2 50, C3 25; C5 none (a prospect)
        assertThat(count("revenue_percentile > 80")).isEqualTo(1); // C1
        assertThat(count("revenue_percentile >= 50")).isEqualTo(3); // C1, C4, C2
        assertThat(count("revenue_percentile IS NULL")).isEqualTo(1); // C5
        assertThat(count("rfm_group = 'prospects'")).isEqualTo(1); // C5
    }

    @Test
    void export_writes_one_customer_id_per_line() throws IOException {
        Path out = tmp.resolve("out/sa.csv");
        CliRun run = CliRun.of(
                database(),
                "segment",
                "export",
                "--store",
                slug,
                "--query",
                "country = 'SA'",
                "--out",
                out.toString(),
                "--as-of",
                "2024-06-01");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("customer_id\nC1\nC3\n");
        assertThat(run.out()).contains("Exported 2 customers");
    }

    @Test
    void a_wrong_rule_prints_its_position_and_exits_2() {
        CliRun run = CliRun.of(database(), "segment", "count", "--store", slug, "--query", "total_spent >");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 1, column 14: ");
        CliRun missing = CliRun.of(database(), "segment", "count", "--store", slug, "--query", "group = 'vip'");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("the rule names groups that do not exist in store '" + slug + "': vip");
        CliRun date = CliRun.of(
                database(), "segment", "count", "--store", slug, "--query", "order_count > 1", "--as-of", "01/06/2024");
        assertThat(date.exitCode()).isEqualTo(2);
    }

    @Test
    void an_as_of_day_outside_1900_to_2199_is_a_usage_error_for_segment_and_analyze() {
        CliRun segment = CliRun.of(
                database(), "segment", "count", "--store", slug, "--query", "age > 1", "--as-of", "+999999999-12-31");
        assertThat(segment.exitCode()).isEqualTo(2);
        assertThat(segment.err())
                .contains("--as-of '+999999999-12-31' is outside the accepted dates 1900-01-01 to 2199-12-31");
        CliRun analyze = CliRun.of(database(), "analyze", "cohorts", "--store", slug, "--as-of", "-999999999-01-01");
        assertThat(analyze.exitCode()).isEqualTo(2);
        assertThat(analyze.err())
                .contains("as-of: '-999999999-01-01' is outside the accepted dates 1900-01-01 to 2199-12-31");
    }
}
