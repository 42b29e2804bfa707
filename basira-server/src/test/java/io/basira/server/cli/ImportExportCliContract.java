package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.browsing.VisitorHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basira import} and {@code basira export} as a person runs them, on every database: the
 * subclasses say which (an H2 folder, a PostgreSQL schema).
 */
abstract class ImportExportCliContract {

    @TempDir
    Path tmp;

    /** The {@code --data} or {@code --db-url} arguments of the database under test. */
    abstract List<String> database();

    private Path folder(String name, String customers, String orders) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
        return dir;
    }

    private static String slug() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String CUSTOMERS = "\uFEFFcustomer_id,first_name,last_name,city,created_at,tags\r\n"
            + "C1,نورة,\"Al \"\"Q\"\", Harbi\",الرياض,2024-01-01,vip;جديد\r\n"
            + "C2,Omar,\"multi\nline\",Jeddah,2024-01-02T10:00:00,\r\n";

    @Test
    void an_order_imported_again_for_another_customer_leaves_the_first_customers_card() throws IOException {
        String slug = slug();
        Path first = folder(
                "first",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n" + "O1,C1,2024-02-01,completed,10.00\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", first.toString())
                        .exitCode())
                .isZero();
        Path moved = folder(
                "moved",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n" + "O1,C2,2024-02-01,completed,10.00\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", moved.toString())
                        .exitCode())
                .isZero();
        assertThat(exportedCounts(slug)).containsExactly("C1,0,0.00", "C2,1,10.00");
    }

    @Test
    void rebuild_cards_folds_every_card_again_from_the_stored_orders() throws Exception {
        String slug = slug();
        Path dir = folder(
                "rebuild",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n"
                        + "O1,C1,2024-02-01,completed,10.00\nO2,C2,2024-02-03,completed,7.50\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        sql("UPDATE customers SET order_count = 99, total_spent_minor = 1 WHERE external_id = 'C1' "
                + "AND store_id = (SELECT id FROM stores WHERE slug = '" + slug + "')");
        assertThat(exportedCounts(slug)).contains("C1,99,0.01");
        CliRun rebuild = CliRun.of(database(), "rebuild", "cards", "--store", slug);
        assertThat(rebuild.exitCode()).isZero();
        assertThat(rebuild.out()).contains("Rebuilt 2 cards of '" + slug + "'");
        assertThat(exportedCounts(slug)).containsExactly("C1,1,10.00", "C2,1,7.50");
    }

    @Test
    void privacy_export_and_erase_run_from_the_command_line_and_an_import_does_not_bring_the_person_back()
            throws IOException {
        String slug = slug();
        Path dir = folder(
                "privacy",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n"
                        + "O1,C1,2024-02-01,completed,10.00\nO2,C2,2024-02-03,completed,7.50\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        Path zip = tmp.resolve("c1.zip");
        CliRun export = CliRun.of(
                database(), "privacy", "export", "--store", slug, "--customer", "C1", "--out", zip.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> entries = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).contains("customer.json", "customer.csv", "orders.csv");
        assertThat(CliRun.of(database(), "privacy", "erase", "--store", slug, "--customer", "C1")
                        .exitCode())
                .as("not without --yes")
                .isEqualTo(2);
        CliRun erase = CliRun.of(database(), "privacy", "erase", "--store", slug, "--customer", "C1", "--yes");
        assertThat(erase.exitCode()).as(erase.err()).isZero();
        assertThat(erase.out()).contains("Erased customer 'C1' of '" + slug + "'");
        assertThat(exportedCounts(slug)).containsExactly("C2,1,7.50");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .as("the same files again")
                .isZero();
        assertThat(exportedCounts(slug)).as("the erased customer stays erased").containsExactly("C2,1,7.50");
    }

    /** customer_id, order_count and total_spent of every exported customer. */
    private List<String> exportedCounts(String slug) throws IOException {
        Path out = tmp.resolve(slug + ".csv");
        assertThat(CliRun.of(database(), "export", "customers", "--store", slug, "--out", out.toString())
                        .exitCode())
                .isZero();
        return Files.readAllLines(out).stream()
                .skip(1)
                .map(line -> String.join(
                        ",", java.util.Arrays.asList(line.split(",", -1)).subList(0, 3)))
                .toList();
    }

    /** Runs one statement on the database under test, as an operator with a SQL console would. */
    private void sql(String statement) throws java.sql.SQLException {
        List<String> args = database();
        boolean h2 = args.get(0).equals("--data");
        String url =
                h2 ? "jdbc:h2:file:" + Path.of(args.get(1)).toAbsolutePath().resolve("basira") : args.get(1);
        try (var connection = java.sql.DriverManager.getConnection(url, h2 ? "sa" : args.get(3), "");
                var update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }

    @Test
    void a_bad_row_refuses_the_whole_import_and_names_file_line_column_and_reason() throws IOException {
        String slug = slug();
        Path dir = folder(
                "bad",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total,currency\n"
                        + "O1,C1,2024-02-01,completed,10.00,SAR\n"
                        + "O2,C1,2024-02-01,completed,-5.00,\n"
                        + "O3,C9,2024-02-01,completed,5.00,\n"
                        + "O4,C2,2024-02-01,completed,5.00,USD\n"
                        + "O5,C2,31/02/2024,delivered,5.00,\n");
        CliRun run = CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "orders.csv:3: total: '-5.00' is negative",
                        "orders.csv:4: customer_id: customer 'C9' does not exist in store '" + slug + "'",
                        "orders.csv:5: currency: 'USD' is not the store's currency SAR",
                        "orders.csv:6: created_at: ",
                        "orders.csv:6: status: unknown status 'delivered'");
        assertThat(run.out()).contains("Nothing imported");
        CliRun stores = CliRun.of(database(), "store", "list");
        assertThat(stores.out()).doesNotContain(slug);
    }

    @Test
    void skip_invalid_applies_the_good_rows_and_lists_the_bad() throws IOException {
        String slug = slug();
        Path dir = folder(
                "skip",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n"
                        + "O1,C1,2024-02-01,completed,10.00\nO2,C1,2024-02-01,shipped,5.00\n");
        CliRun run = CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString(), "--skip-invalid");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("orders.csv:3: status: unknown status 'shipped'");
        assertThat(run.out()).containsPattern("orders.csv\\s+2\\s+1\\s+1");
        Path out = tmp.resolve("skip.csv");
        CliRun export = CliRun.of(database(), "export", "customers", "--store", slug, "--out", out.toString());
        assertThat(export.exitCode()).isZero();
        assertThat(Files.readAllLines(out))
                .contains("C1,1,10.00,10.00,0,0,2024-01-31T21:00:00Z,2024-01-31T21:00:00Z,0,,"
                        + Files.readAllLines(out).get(1).split(",", -1)[10] + ",0.0000,0,0,,0,0,0,,,,,,0,,0,0");
    }

    @Test
    void importing_the_same_folder_twice_changes_nothing_and_a_newer_order_replaces_the_older() throws IOException {
        String slug = slug();
        Path dir = folder(
                "twice",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total,discount_total,coupon_code\n"
                        + "O1,C1,2024-02-01T18:20:00+03:00,completed,199.50,10.00,RAMADAN20\n"
                        + "O2,C2,2024-02-02,processing,50,,\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        Path first = tmp.resolve("first.csv");
        CliRun.of(database(), "export", "customers", "--store", slug, "--out", first.toString());
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        Path second = tmp.resolve("second.csv");
        CliRun.of(database(), "export", "customers", "--store", slug, "--out", second.toString());
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        assertThat(Files.readAllLines(first).get(1)).startsWith("C1,1,199.50,199.50,0,0,2024-02-01T15:20:00Z");

        Path update = folder(
                "update",
                "customer_id,created_at\n",
                "order_id,customer_id,created_at,status,total\n" + "O1,C1,2024-02-01T18:20:00+03:00,returned,199.50\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", update.toString())
                        .exitCode())
                .isZero();
        Path third = tmp.resolve("third.csv");
        CliRun.of(database(), "export", "customers", "--store", slug, "--out", third.toString());
        assertThat(Files.readAllLines(third).get(1)).isEqualTo("C1,0,0.00,0.00,0,1,,,0,,,,0,0,,0,0,0,,,,,,0,,0,0");
    }

    @Test
    void a_new_store_takes_the_currency_and_time_zone_given() throws IOException {
        String slug = slug();
        Path dir = folder(
                "kwd",
                "customer_id,created_at\nC1,2024-01-01\n",
                "order_id,customer_id,created_at,status,total\nO1,C1,2024-01-05,completed,12.345\n");
        CliRun run = CliRun.of(
                database(),
                "import",
                "--store",
                slug,
                "--dir",
                dir.toString(),
                "--currency",
                "KWD",
                "--time-zone",
                "Asia/Kuwait",
                "--name",
                "متجر الكويت");
        assertThat(run.exitCode()).isZero();
        assertThat(CliRun.of(database(), "store", "list").out()).contains(slug + "\tمتجر الكويت\tKWD\tAsia/Kuwait");
    }

    @Test
    void unknown_store_for_export_is_a_one_line_error() {
        CliRun run = CliRun.of(
                database(),
                "export",
                "customers",
                "--store",
                "nope-" + slug(),
                "--out",
                tmp.resolve("x.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there is no store 'nope-");
    }

    // export store (spark): the canonical folder, imported again, gives the same cards
    @Test
    void an_exported_store_imports_back_to_the_same_cards() throws Exception {
        Path demo = tmp.resolve("demo-store");
        new io.basira.demo.DemoStoreGenerator()
                .write(io.basira.demo.DemoStoreSpec.defaults().withCustomers(150), demo);
        String first = slug();
        String second = slug();
        assertThat(CliRun.of(
                                database(),
                                "import",
                                "--store",
                                first,
                                "--dir",
                                demo.toString(),
                                "--currency",
                                "SAR",
                                "--time-zone",
                                "Asia/Riyadh")
                        .exitCode())
                .isZero();
        Path folder = tmp.resolve("exported");
        CliRun export = CliRun.of(
                database(), "export", "store", "--store", first, "--format", "csv", "--out", folder.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out())
                .contains("customers.csv: 150 rows")
                .contains("Exported store '" + first + "' (SAR, Asia/Riyadh)");
        for (io.basira.demo.CanonicalCsv file : io.basira.demo.CanonicalCsv.values()) {
            assertThat(Files.readAllLines(folder.resolve(file.fileName())).get(0))
                    .isEqualTo(String.join(",", file.columns()));
        }
        assertThat(CliRun.of(
                                database(),
                                "import",
                                "--store",
                                second,
                                "--dir",
                                folder.toString(),
                                "--currency",
                                "SAR",
                                "--time-zone",
                                "Asia/Riyadh")
                        .exitCode())
                .isZero();
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        assertThat(CliRun.of(database(), "export", "customers", "--store", first, "--out", a.toString())
                        .exitCode())
                .isZero();
        assertThat(CliRun.of(database(), "export", "customers", "--store", second, "--out", b.toString())
                        .exitCode())
                .isZero();
        // every cell but days_since_last_purchase, which counts from the day of each export (midnight may pass)
        assertThat(withoutDaysSince(Files.readAllLines(b)))
                .hasSize(151)
                .isEqualTo(withoutDaysSince(Files.readAllLines(a)));
        Path again = tmp.resolve("exported-again");
        assertThat(CliRun.of(database(), "export", "store", "--store", second, "--out", again.toString())
                        .exitCode())
                .isZero();
        for (io.basira.demo.CanonicalCsv file : io.basira.demo.CanonicalCsv.values()) {
            assertThat(Files.readAllLines(again.resolve(file.fileName())))
                    .as(file.fileName())
                    .isEqualTo(Files.readAllLines(folder.resolve(file.fileName())));
        }
        CliRun parquet = CliRun.of(
                database(),
                "export",
                "store",
                "--store",
                first,
                "--format",
                "parquet",
                "--out",
                tmp.resolve("p").toString());
        assertThat(parquet.exitCode()).as(parquet.err()).isZero();
        assertThat(parquet.out()).contains("customers.parquet: 150 rows").contains("as Parquet");
        for (io.basira.demo.CanonicalCsv file : io.basira.demo.CanonicalCsv.values()) {
            String name = file.fileName().replace(".csv", "");
            java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^" + name + "\\.csv: (\\d+) rows$")
                    .matcher(export.out());
            assertThat(rows.find()).as(name).isTrue();
            assertThat(parquet.out()).contains(name + ".parquet: " + rows.group(1) + " rows");
            byte[] bytes = Files.readAllBytes(tmp.resolve("p").resolve(name + ".parquet"));
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII))
                    .isEqualTo("PAR1");
        }
        try (var left = Files.list(tmp.resolve("p"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.endsWith(".parquet"))
                    .hasSize((int) export.out()
                            .lines()
                            .filter(line -> line.matches("\\S+\\.csv: \\d+ rows"))
                            .count()) // one Parquet file per file of the CSV export, no CSV left behind
                    .hasSizeGreaterThanOrEqualTo(13);
        }
        CliRun xlsx = CliRun.of(
                database(),
                "export",
                "store",
                "--store",
                first,
                "--format",
                "xlsx",
                "--out",
                tmp.resolve("x").toString());
        assertThat(xlsx.exitCode()).isEqualTo(2);
        assertThat(xlsx.err()).contains("--format is csv or parquet");
    }

    // export store: the saved groups' rules and manual lists travel with the folder, for the Spark job
    @Test
    void an_exported_store_carries_its_groups_and_manual_lists() throws Exception {
        String slug = slug();
        Path dir = folder(
                "grouped",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n" + "O1,C1,2024-02-01,completed,10.00\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        String store = "(SELECT id FROM stores WHERE slug = '" + slug + "')";
        sql("INSERT INTO groups (store_id, group_key, name, rule_text, rule_json, created_at, updated_at) SELECT id, "
                + "'big', 'Big', 'total_spent > 5', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM stores WHERE slug = '"
                + slug + "'");
        sql("INSERT INTO groups (store_id, group_key, name, rule_text, rule_json, created_at, updated_at) SELECT id, "
                + "'hand', 'By hand', NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM stores WHERE slug = '"
                + slug + "'");
        sql("INSERT INTO group_additions (store_id, group_key, customer_external_id, added_at) VALUES (" + store
                + ", 'hand', 'C2', CURRENT_TIMESTAMP)");
        sql("INSERT INTO group_exclusions (store_id, group_key, customer_external_id, added_at) VALUES (" + store
                + ", 'big', 'C1', CURRENT_TIMESTAMP)");
        Path out = tmp.resolve("grouped-export");
        CliRun export = CliRun.of(database(), "export", "store", "--store", slug, "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("groups.csv: 1 rows").contains("group_lists.csv: 2 rows");
        assertThat(Files.readAllLines(out.resolve("groups.csv"))).containsExactly("group,rule", "big,total_spent > 5");
        assertThat(Files.readAllLines(out.resolve("group_lists.csv")))
                .containsExactly("group,customer_id,list", "big,C1,excluded", "hand,C2,added");
    }

    // export store: the carts' lines travel with the folder in the import's own file, so they import back
    @Test
    void an_exported_store_carries_its_carts_lines_and_they_import_back() throws Exception {
        String first = slug();
        String second = slug();
        Path dir = folder(
                "carted",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n" + "O1,C1,2024-02-01,completed,10.00\n");
        Files.writeString(
                dir.resolve("carts.csv"),
                "cart_id,customer_id,created_at,updated_at,total,items_count,status\n"
                        + "K1,C1,2024-03-03T12:00:00Z,2024-03-03T12:30:00Z,90.50,3,abandoned\n"
                        + "K2,C2,2024-03-04T08:00:00Z,,,,open\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("cart_items.csv"),
                "cart_id,product_id,quantity,unit_price,name,url\n"
                        + "K1,P2,2,0.125,\"تمر, سكري\",https://shop.example/p/2\n"
                        + "K1,P1,1,90.25,,\n",
                StandardCharsets.UTF_8);
        assertThat(CliRun.of(database(), "import", "--store", first, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        Path out = tmp.resolve("carted-export");
        CliRun export = CliRun.of(database(), "export", "store", "--store", first, "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("cart_items.csv: 2 rows");
        List<String> lines = Files.readAllLines(out.resolve("cart_items.csv"));
        assertThat(lines)
                .containsExactly(
                        "cart_id,product_id,quantity,unit_price,name,url",
                        "K1,P2,2,0.125,\"تمر, سكري\",https://shop.example/p/2",
                        "K1,P1,1,90.25,,");
        assertThat(CliRun.of(database(), "import", "--store", second, "--dir", out.toString())
                        .exitCode())
                .isZero();
        Path again = tmp.resolve("carted-export-again");
        assertThat(CliRun.of(database(), "export", "store", "--store", second, "--out", again.toString())
                        .exitCode())
                .isZero();
        assertThat(Files.readAllLines(again.resolve("cart_items.csv"))).isEqualTo(lines);
        assertThat(Files.readAllLines(again.resolve("carts.csv")))
                .isEqualTo(Files.readAllLines(out.resolve("carts.csv")));
    }

    // export store: the browsing events of linked visitors travel with the folder, for the job's browsing fields
    @Test
    void an_exported_store_carries_its_linked_visitors_browsing_events() throws Exception {
        String slug = slug();
        Path dir = folder(
                "browsed",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n" + "O1,C1,2024-02-01,completed,10.00\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        String store = "(SELECT id FROM stores WHERE slug = '" + slug + "')";
        long v1 = VisitorHash.of("v1");
        sql("INSERT INTO browsing_visitors (store_id, visitor_id, visitor_hash, customer_external_id, linked_at) "
                + "VALUES (" + store + ", 'v1', " + v1 + ", 'C1', CURRENT_TIMESTAMP)");
        String events = "INSERT INTO browsing_events (store_id, visitor_id, visitor_hash, session_id, occurred_at, "
                + "received_at, kind, path, product_id, category, search_query, customer_external_id) VALUES ";
        sql(events + "(" + store + ", 'v1', " + v1 + ", 's1', TIMESTAMP WITH TIME ZONE '2024-03-01 10:00:00+00', "
                + "CURRENT_TIMESTAMP, 'product', '/p/P1', 'P1', 'abayas, long', NULL, NULL)");
        sql(events + "(" + store + ", 'v1', " + v1 + ", 's1', TIMESTAMP WITH TIME ZONE '2024-03-01 09:59:00+00', "
                + "CURRENT_TIMESTAMP, 'page', '/', NULL, NULL, NULL, NULL)");
        sql(events + "(" + store + ", 'v9', " + VisitorHash.of("v9") + ", 's9', "
                + "TIMESTAMP WITH TIME ZONE '2024-03-01 09:00:00+00', "
                + "CURRENT_TIMESTAMP, 'page', '/', NULL, NULL, NULL, NULL)"); // a visitor linked to no customer
        Path out = tmp.resolve("browsed-export");
        CliRun export = CliRun.of(database(), "export", "store", "--store", slug, "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("browsing_events.csv: 2 rows");
        assertThat(Files.readAllLines(out.resolve("browsing_events.csv")))
                .containsExactly(
                        "customer_id,visitor_id,session_id,occurred_at,kind,product_id,category",
                        "C1,v1,s1,2024-03-01T09:59:00Z,page,,",
                        "C1,v1,s1,2024-03-01T10:00:00Z,product,P1,\"abayas, long\"");
    }

    // export store: the loyalty program and every ledger entry travel with the folder, for the job's loyalty fields
    @Test
    void an_exported_store_carries_its_loyalty_program_and_ledger() throws Exception {
        String slug = slug();
        Path dir = folder(
                "loyal",
                CUSTOMERS,
                "order_id,customer_id,created_at,status,total\n" + "O1,C1,2024-02-01,completed,10.00\n");
        assertThat(CliRun.of(database(), "import", "--store", slug, "--dir", dir.toString())
                        .exitCode())
                .isZero();
        Path empty = tmp.resolve("loyal-none");
        CliRun none = CliRun.of(database(), "export", "store", "--store", slug, "--out", empty.toString());
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("loyalty_program.csv: 0 rows").contains("loyalty_ledger.csv: 0 rows");
        String store = "(SELECT id FROM stores WHERE slug = '" + slug + "')";
        sql("INSERT INTO loyalty_programs (store_id, definition, updated_at, updated_by) VALUES (" + store + ", '"
                + "{\"enabled\":true,\"starts_at\":\"2024-01-01T00:00:00Z\",\"earn_points\":1,\"earn_per\":\"1.00\","
                + "\"pending_days\":14,\"tier_basis\":\"spend_12m\",\"tiers\":[{\"name\":\"gold\",\"threshold\":"
                + "\"100.00\",\"multiplier\":\"1.5\",\"free_shipping\":true,\"early_access\":false}],"
                + "\"expiry_months\":12,\"expiry_warning_days\":7,\"redeem_points\":100,\"redeem_value\":\"5.00\","
                + "\"expiry_kind\":\"lot\"}', CURRENT_TIMESTAMP, 'test')");
        String entries = "INSERT INTO loyalty_ledger (store_id, customer_external_id, cause, ref, points, shortfall, "
                + "multiplier_permille, available_at, recorded_at, once_key) VALUES ";
        sql(entries + "(" + store + ", 'C1', 'order', 'O1', 10, 0, 1000, TIMESTAMP WITH TIME ZONE "
                + "'2024-02-15 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-02-01 00:00:00+00', NULL)");
        sql(entries + "(" + store + ", 'C1', 'redemption', 'R1', -4, 0, 1000, TIMESTAMP WITH TIME ZONE "
                + "'2024-03-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2024-03-01 10:00:00+00', 'redemption:R1')");
        Path out = tmp.resolve("loyal-export");
        CliRun export = CliRun.of(database(), "export", "store", "--store", slug, "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("loyalty_program.csv: 1 rows").contains("loyalty_ledger.csv: 2 rows");
        assertThat(Files.readAllLines(out.resolve("loyalty_program.csv")))
                .containsExactly(
                        "enabled,starts_at,earn_points,earn_per_minor,pending_days,review_points,birthday_points,"
                                + "signup_points,tier_basis,tiers,expiry_months,expiry_kind,expiry_warning_days,"
                                + "redeem_points,redeem_minor,free_shipping_points,free_product_points,free_product_id",
                        "true,2024-01-01T00:00:00Z,1,100,14,0,0,0,spend_12m,gold|10000|1500|true|false,12,lot,7,100,"
                                + "500,0,0,");
        List<String> ledger = Files.readAllLines(out.resolve("loyalty_ledger.csv"));
        assertThat(ledger.get(0))
                .isEqualTo("customer_id,entry,cause,ref,points,shortfall,multiplier_permille,available_at,recorded_at");
        assertThat(ledger.subList(1, 3).stream().map(line -> line.replaceFirst(",\\d+,", ",#,")))
                .containsExactly(
                        "C1,#,order,O1,10,0,1000,2024-02-15T00:00:00Z,2024-02-01T00:00:00Z",
                        "C1,#,redemption,R1,-4,0,1000,2024-03-01T10:00:00Z,2024-03-01T10:00:00Z");
        Path parquet = tmp.resolve("loyal-parquet");
        CliRun asParquet = CliRun.of(
                database(), "export", "store", "--store", slug, "--format", "parquet", "--out", parquet.toString());
        assertThat(asParquet.exitCode()).as(asParquet.err()).isZero();
        assertThat(asParquet.out())
                .contains("loyalty_program.parquet: 1 rows")
                .contains("loyalty_ledger.parquet: 2 rows");
    }

    private static List<String> withoutDaysSince(List<String> lines) {
        int column = java.util.Arrays.asList(lines.get(0).split(",")).indexOf("days_since_last_purchase");
        return lines.stream()
                .map(line -> {
                    List<String> cells = new java.util.ArrayList<>(java.util.Arrays.asList(line.split(",", -1)));
                    cells.remove(column);
                    return String.join(",", cells);
                })
                .toList();
    }
}
