package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code basira analyze} as a person runs it, on every database (subclasses say which). */
abstract class AnalyzeCliContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    abstract List<String> database();

    private static String slug() {
        return "an-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void clv_on_cdnow_reproduces_the_published_bgnbd_fit() throws IOException {
        String slug = slug();
        Path dir = CdnowFolder.write(tmp.resolve("cdnow"));
        CliRun imported = CliRun.of(
                database(),
                "import",
                "--store",
                slug,
                "--dir",
                dir.toString(),
                "--currency",
                "USD",
                "--time-zone",
                "UTC");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path out = tmp.resolve("predictions.csv");
        CliRun run = CliRun.of(
                database(),
                "analyze",
                "clv",
                "--store",
                slug,
                "--as-of",
                "1997-09-30",
                "--time-unit",
                "weeks",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode models = JSON.readTree(lastLine(run.out()));
        JsonNode bg = models.get("bgnbd");
        // BTYD on the unrounded summary (shared/data/cdnow/README.md): relative 1e-3, LL 0.01
        assertThat(bg.get("r").asDouble()).isCloseTo(0.2425982, within(0.2425982e-3));
        assertThat(bg.get("alpha").asDouble()).isCloseTo(4.4136842, within(4.4136842e-3));
        assertThat(bg.get("a").asDouble()).isCloseTo(0.7929899, within(0.7929899e-3));
        assertThat(bg.get("b").asDouble()).isCloseTo(2.4261667, within(2.4261667e-3));
        assertThat(bg.get("ll").asDouble()).isCloseTo(-9582.429, within(0.01));
        assertThat(models.get("paretonbd").get("ll").asDouble()).isCloseTo(-9594.976, within(0.01));
        assertThat(models.get("gammagamma").get("p").asDouble()).isCloseTo(6.25, within(0.01));
        assertThat(models.get("gammagamma").get("ll").asDouble()).isCloseTo(-4055.9177, within(0.02));
        assertThat(models.get("time_unit").asString()).isEqualTo("weeks");
        assertThat(run.out()).contains("repeat_buyers", "946", "Wrote 2357 predictions");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2358);
        assertThat(lines.get(0)).startsWith("customer_id,p_alive,expected_purchases_90d");
    }

    private String smallStore() throws IOException {
        String slug = slug();
        Path dir = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(
                dir.resolve("customers.csv"),
                "customer_id,city,region,country,created_at\n"
                        + "C1,الرياض,,SA,2024-01-01\nC2,Riyadh,Riyadh Region,SA,2024-01-01\nC3,جدة,,,2024-01-01\nC4,Dubai,Dubai,AE,2024-01-01\n");
        Files.writeString(
                dir.resolve("orders.csv"),
                "order_id,customer_id,created_at,status,total,coupon_code\n"
                        + "O1,C1,2024-04-10,completed,100.00,\nO2,C1,2024-05-10,completed,300.00,\nO3,C2,2024-05-15,completed,50.00,EID\n"
                        + "O4,C3,2024-05-20,cancelled,999.00,\nO5,C3,2024-05-21,pending,50.00,\n");
        CliRun run = CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return slug;
    }

    @Test
    void every_analysis_prints_as_table_json_and_csv() throws IOException {
        String slug = smallStore();
        CliRun overview = CliRun.of(
                database(),
                "analyze",
                "overview",
                "--store",
                slug,
                "--as-of",
                "2024-05-31",
                "--from",
                "2024-05-01",
                "--to",
                "2024-05-31",
                "--format",
                "json");
        assertThat(overview.exitCode()).as(overview.err()).isZero();
        JsonNode o = JSON.readTree(overview.out());
        assertThat(o.get("orders").asInt()).isEqualTo(3);
        assertThat(o.get("revenue").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(o.get("new_customers").asInt()).isEqualTo(2);
        assertThat(o.get("returning_customers").asInt()).isEqualTo(1);
        CliRun pareto =
                CliRun.of(database(), "analyze", "pareto", "--store", slug, "--as-of", "2024-05-31", "--format", "csv");
        assertThat(pareto.out().lines().toList())
                .startsWith("top_percent,customers,revenue,revenue_share", "1,1,400.00,0.8000");
        CliRun regions = CliRun.of(database(), "analyze", "regions", "--store", slug, "--as-of", "2024-05-31");
        assertThat(regions.out()).contains("Riyadh", "الرياض", "8591748", "Makkah");
        for (String name : List.of("cohorts", "rfm", "types", "discounts")) {
            CliRun run = CliRun.of(database(), "analyze", name, "--store", slug, "--as-of", "2024-05-31");
            assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
            assertThat(run.out()).isNotBlank();
        }
        CliRun clv = CliRun.of(database(), "analyze", "clv", "--store", slug, "--as-of", "2024-05-31");
        assertThat(JSON.readTree(lastLine(clv.out())).get("bgnbd").get("failed").asString())
                .isEqualTo("too-few-repeat-buyers");
    }

    @Test
    void an_uploaded_population_table_gives_penetration_abroad() throws IOException {
        String slug = smallStore();
        Path table = tmp.resolve("population.csv");
        Files.writeString(table, "country,region,population\nAE,Dubai,4000000\n");
        CliRun run = CliRun.of(
                database(),
                "analyze",
                "regions",
                "--store",
                slug,
                "--as-of",
                "2024-05-31",
                "--population",
                table.toString(),
                "--format",
                "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode dubai = JSON.readTree(run.out()).get("regions").findParents("name").stream()
                .filter(n -> n.get("name").asString().equals("Dubai"))
                .findFirst()
                .orElseThrow();
        assertThat(dubai.get("customers_per_100k").decimalValue()).isEqualByComparingTo("0.03");
    }

    @Test
    void mistakes_are_one_line_errors() throws IOException {
        String slug = smallStore();
        CliRun unknown = CliRun.of(database(), "analyze", "magic", "--store", slug);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown analysis 'magic', expected one of overview, pareto");
        CliRun badDate = CliRun.of(database(), "analyze", "overview", "--store", slug, "--as-of", "2024-13-01");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("as-of: '2024-13-01' is not a date");
        CliRun reversed = CliRun.of(
                database(),
                "analyze",
                "overview",
                "--store",
                slug,
                "--as-of",
                "2024-05-31",
                "--from",
                "2024-05-10",
                "--to",
                "2024-05-01");
        assertThat(reversed.err()).contains("from (2024-05-10) is after to (2024-05-01)");
        assertThat(CliRun.of(database(), "analyze", "rfm", "--store", "nope").err())
                .contains("there is no store 'nope'");
    }

    @Test
    void refresh_stores_the_card_fields() throws IOException {
        String slug = smallStore();
        CliRun run = CliRun.of(database(), "analyze", "refresh", "--store", slug, "--as-of", "2024-05-31");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Refreshed the analytics of 4 customers", "fallback:too-few-repeat-buyers");
    }
}
