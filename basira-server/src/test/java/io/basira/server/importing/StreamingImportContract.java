package io.basira.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.ingest.IngestRecords;
import io.basira.ingest.RecordBatch;
import io.basira.server.csvimport.CanonicalFolderReader;
import io.basira.server.csvimport.ImportProgress;
import io.basira.server.csvimport.KnownRecords;
import io.basira.server.csvimport.RecordSink;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.ForeignKeysOf;
import io.basira.shared.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The streaming import (staged, set-based) and the bulk card rebuild hold to the semantics of the
 * per-record write path: the same folder gives the same rows and the same cards as
 * {@link IngestRecords#ingest} given the same records; importing twice changes nothing; a bad row in
 * the last file leaves everything as it was; a rebuild gives back the cards the writes kept.
 */
@SpringBootTest(properties = {"basira.demo.enabled=false"})
abstract class StreamingImportContract {

    private static final AtomicLong STORES = new AtomicLong();
    private static final String CARD = "external_id, order_count, total_spent_minor, average_order_value, "
            + "cancelled_orders, returned_orders, last_purchase_at, first_order_at, abandoned_carts, store_rating, "
            + "discounted_orders, discount_share, wishlist_count, reviews_count";
    private static final Map<String, String> TABLES = Map.of(
            "customers",
                    "external_id, first_name, last_name, email, phone, gender, birth_date, city, region, country, "
                            + "created_at, tags, " + CARD.substring("external_id, ".length()),
            "products", "external_id, name, category, price_minor",
            "orders",
                    "external_id, customer_external_id, created_at, status, total_minor, discount_minor, coupon_code, "
                            + "payment_method, shipping_method",
            "order_lines", "order_external_id, line_no, product_external_id, quantity, unit_price_minor",
            "carts", "external_id, customer_external_id, created_at, updated_at, total_minor, items_count, status",
            "cart_lines", "cart_external_id, line_no, product_external_id, name, quantity, unit_price, url",
            "reviews", "external_id, customer_external_id, product_external_id, rating, created_at",
            "wishlist_items", "customer_external_id, product_external_id, added_at");

    @TempDir
    Path tmp;

    @Autowired
    ImportFolder importer;

    @Autowired
    RebuildCards rebuild;

    @Autowired
    IngestRecords ingest;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private Store store(String name) {
        return stores.create(
                name + "-" + STORES.incrementAndGet() + "-" + System.nanoTime(),
                name,
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
    }

    @Test
    void an_import_stores_the_rows_and_cards_that_the_per_record_write_path_stores() throws IOException {
        Path first = folder("first", new Random(7), 0);
        Path second = folder("second", new Random(8), 1);
        Store imported = store("imported");
        Store written = store("written");
        for (Path folder : List.of(first, second)) {
            applied(importer.run(imported, folder, false, ImportFolder.Progress.none()));
            writeRecordByRecord(written, folder);
            for (String table : TABLES.keySet()) {
                assertThat(dump(imported, table))
                        .as(table + " after " + folder.getFileName())
                        .isEqualTo(dump(written, table));
            }
        }
        assertThat(dump(imported, "customers")).hasSize(80);
        assertThat(jdbc.queryForObject(
                        "SELECT SUM(order_count) FROM customers WHERE store_id = ?",
                        Long.class,
                        imported.id().value()))
                .isPositive();
    }

    /**
     * A folder where no record is given twice takes the import's shorter way (no choice of a last version,
     * no lookups of stored rows in an empty store): the same rows and cards as the per-record write path.
     */
    @Test
    void a_folder_without_repeated_records_stores_what_the_per_record_write_path_stores() throws IOException {
        Path folder = folder("distinct", new Random(9), 0);
        for (String file : List.of("customers.csv", "orders.csv", "wishlist.csv")) {
            List<String> lines = Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
            java.util.Set<String> seen = new java.util.HashSet<>();
            int keyColumns = file.equals("wishlist.csv") ? 2 : 1;
            List<String> once = lines.stream()
                    .filter(line -> seen.add(String.join(
                            ",", java.util.Arrays.asList(line.split(",", -1)).subList(0, keyColumns))))
                    .toList();
            if (!file.equals("wishlist.csv")) { // the folder gives a customer and an order twice
                assertThat(once).as(file).hasSizeLessThan(lines.size());
            }
            Files.write(folder.resolve(file), once, StandardCharsets.UTF_8);
        }
        Store imported = store("distinct-imported");
        Store written = store("distinct-written");
        applied(importer.run(imported, folder, false, ImportFolder.Progress.none()));
        writeRecordByRecord(written, folder);
        for (String table : TABLES.keySet()) {
            assertThat(dump(imported, table)).as(table).isEqualTo(dump(written, table));
        }
        applied(importer.run(imported, folder, false, ImportFolder.Progress.none()));
        for (String table : TABLES.keySet()) {
            assertThat(dump(imported, table)).as(table + " imported again").isEqualTo(dump(written, table));
        }
    }

    /**
     * order_lines has no foreign key to orders (V270): the import's reference check is what keeps a line from
     * existing without its order. A line of an order that is neither stored nor a valid row of the folder (nor a
     * row rejected for its customer) is refused, and with {@code --skip-invalid} left out; the lines of orders
     * the store already holds are applied.
     */
    @Test
    void no_write_path_leaves_an_order_line_without_its_order() throws IOException {
        Store store = store("lines");
        applied(importer.run(store, folder("lines-first", new Random(31), 0), false, ImportFolder.Progress.none()));
        writeRecordByRecord(store, folder("lines-written", new Random(32), 1));
        Path later = Files.createDirectories(tmp.resolve("lines-later"));
        Files.writeString(
                later.resolve("customers.csv"), "customer_id,created_at\nC1,2023-01-01\n", StandardCharsets.UTF_8);
        Files.writeString(
                later.resolve("orders.csv"),
                "order_id,customer_id,created_at,status,total\nN1,C1,2024-02-01,completed,10.00\n"
                        + "N2,NOBODY,2024-02-01,completed,10.00\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                later.resolve("order_items.csv"),
                "order_id,product_id,quantity,unit_price\nN1,P1,1,10.00\nN2,P1,1,10.00\nGONE,P1,1,10.00\n"
                        + "O3,P2,2,4.00\n",
                StandardCharsets.UTF_8);
        ImportOutcome refused = importer.run(store, later, false, ImportFolder.Progress.none());
        assertThat(refused.applied()).isFalse();
        assertThat(refused.report().errors().stream().map(Object::toString))
                .anyMatch(error -> error.startsWith("order_items.csv:3: order_id: "))
                .anyMatch(error -> error.startsWith("order_items.csv:4: order_id: "));
        ImportOutcome skipped = importer.run(store, later, true, ImportFolder.Progress.none());
        applied(skipped);
        assertThat(jdbc.queryForList(
                        "SELECT order_external_id FROM order_lines WHERE store_id = ? AND order_external_id IN "
                                + "('N1', 'N2', 'GONE', 'O3') ORDER BY order_external_id",
                        String.class,
                        store.id().value()))
                .containsExactly("N1", "O3");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o "
                                + "WHERE o.store_id = l.store_id AND o.external_id = l.order_external_id)",
                        Long.class))
                .as("order lines of any store whose order is not in the line's store")
                .isZero();
        assertThat(ForeignKeysOf.referencedTables(jdbc, "order_lines"))
                .as("order_lines' foreign keys")
                .isEmpty();
        assertThat(ForeignKeysOf.referencedTables(jdbc, "orders"))
                .as("orders' foreign keys")
                .containsExactly("customers");
        assertThat(ForeignKeysOf.referencedTables(jdbc, "carts"))
                .as("carts' foreign keys")
                .containsExactly("customers", "stores");
    }

    /** The tables that {@code table}'s foreign keys reference, in the database's own metadata (H2 or PostgreSQL). */
    @Test
    void importing_the_same_folder_twice_changes_nothing() throws IOException {
        Path folder = folder("twice", new Random(11), 0);
        Store store = store("twice");
        applied(importer.run(store, folder, false, ImportFolder.Progress.none()));
        Map<String, List<String>> once = dumpAll(store);
        ImportOutcome again = importer.run(store, folder, false, ImportFolder.Progress.none());
        applied(again);
        assertThat(again.cardsRefreshed()).isEqualTo(80);
        assertThat(dumpAll(store)).isEqualTo(once);
    }

    @Test
    void a_bad_row_in_the_last_file_leaves_the_store_as_it_was() throws IOException {
        Store store = store("refused");
        applied(importer.run(store, folder("good", new Random(3), 0), false, ImportFolder.Progress.none()));
        Map<String, List<String>> before = dumpAll(store);
        Path bad = folder("bad", new Random(4), 1);
        Files.writeString(
                bad.resolve("wishlist.csv"),
                "C1,P1,2024-13-01\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        long lines = Files.readAllLines(bad.resolve("wishlist.csv")).size();

        ImportOutcome outcome = importer.run(store, bad, false, ImportFolder.Progress.none());

        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.report().errors())
                .singleElement()
                .satisfies(error -> assertThat(error.toString()).startsWith("wishlist.csv:" + lines + ": added_at: "));
        assertThat(dumpAll(store)).isEqualTo(before);
    }

    @Test
    void a_refused_import_into_a_new_store_creates_no_store() throws IOException {
        Path bad = folder("bad-new", new Random(5), 0);
        Files.writeString(
                bad.resolve("wishlist.csv"),
                "C1,P404,not-a-date\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String slug = "refused-new-" + STORES.incrementAndGet() + "-" + System.nanoTime();
        ImportOutcome outcome = importer.runCreating(
                new ImportFolder.NewStore(slug, slug, Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh")),
                bad,
                false,
                ImportFolder.Progress.none());
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.report().errors())
                .singleElement()
                .satisfies(error ->
                        assertThat(error.toString()).contains("wishlist.csv:").contains(": added_at: "));
        assertThat(stores.findBySlug(slug)).isEmpty();
    }

    @Test
    void a_rebuild_gives_back_the_cards_the_writes_kept() throws IOException {
        Store store = store("rebuilt");
        writeRecordByRecord(store, folder("kept", new Random(21), 0));
        writeRecordByRecord(store, folder("kept-later", new Random(22), 1));
        List<String> kept = dump(store, "customers");
        jdbc.update(
                "UPDATE customers SET order_count = 99, total_spent_minor = 1, last_purchase_at = NULL, "
                        + "store_rating = 1, reviews_count = 7 WHERE store_id = ?",
                store.id().value());
        assertThat(dump(store, "customers")).isNotEqualTo(kept);

        assertThat(rebuild.run(store)).isEqualTo(80);

        assertThat(dump(store, "customers")).isEqualTo(kept);
    }

    private static void applied(ImportOutcome outcome) {
        assertThat(outcome.applied()).as("%s", outcome.report().errors()).isTrue();
    }

    /** The per-record path: every record of the folder through {@link IngestRecords#ingest}, in one batch. */
    private void writeRecordByRecord(Store store, Path folder) {
        RecordBatch batch = new RecordBatch();
        new CanonicalFolderReader()
                .read(folder, store, KnownRecords.none(), RecordSink.into(batch), ImportProgress.none());
        transaction.executeWithoutResult(status -> ingest.ingest(store, batch));
    }

    private Map<String, List<String>> dumpAll(Store store) {
        Map<String, List<String>> all = new java.util.TreeMap<>();
        TABLES.keySet().forEach(table -> all.put(table, dump(store, table)));
        return all;
    }

    /** Every row of the store in {@code table}, as text, in key order. */
    private List<String> dump(Store store, String table) {
        String columns = TABLES.get(table);
        String order = columns.substring(0, columns.indexOf(',')) + ", " + columns.split(", ")[1];
        return jdbc.query(
                "SELECT " + columns + " FROM " + table + " WHERE store_id = ? ORDER BY " + order,
                (rs, n) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.time.OffsetDateTime time) {
                            value = time.toInstant();
                        }
                        row.append(value).append('|');
                    }
                    return row.toString();
                },
                store.id().value());
    }

    /**
     * A folder of every canonical file with the cases the card and the upserts care about: rows read
     * twice (the later wins), every status, coupons and discounts, several lines per order and per cart, anonymous
     * carts, store ratings on the same instant, a wishlist item given twice. {@code round} 1 moves
     * orders, carts and reviews to other customers and replaces some orders' and carts' lines.
     */
    private Path folder(String name, Random random, int round) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder products = new StringBuilder("product_id,name,category,price\n");
        for (int p = 1; p <= 20; p++) {
            products.append("P")
                    .append(p)
                    .append(",Item ")
                    .append(p)
                    .append(",cat")
                    .append(p % 4)
                    .append(',')
                    .append(p * 3)
                    .append(".50\n");
        }
        StringBuilder customers =
                new StringBuilder("customer_id,first_name,city,country,gender,birth_date,created_at,tags\n");
        for (int c = 1; c <= 80; c++) {
            customers
                    .append('C')
                    .append(c)
                    .append(",Name ")
                    .append(c)
                    .append(round)
                    .append(",Riyadh,SA,")
                    .append(c % 2 == 0 ? "female" : "male")
                    .append(String.format(",1990-01-%02d", c % 28 + 1))
                    .append(",2023-0")
                    .append(c % 9 + 1)
                    .append("-15,")
                    .append(c % 3 == 0 ? "vip;new" : "")
                    .append('\n');
        }
        customers.append("C5,Second Five,Jeddah,SA,female,,2023-02-01,late\n");
        String[] statuses = {"completed", "completed", "processing", "pending", "cancelled", "returned", "quotation"};
        StringBuilder orders =
                new StringBuilder("order_id,customer_id,created_at,status,total,discount_total,coupon_code\n");
        StringBuilder items = new StringBuilder("order_id,product_id,quantity,unit_price\n");
        for (int o = 1; o <= 300; o++) {
            if (round == 1 && o % 3 != 0) {
                continue;
            }
            int customer = 1 + random.nextInt(70) + (round == 1 ? 5 : 0);
            orders.append('O')
                    .append(o)
                    .append(",C")
                    .append(customer)
                    .append(",2024-0")
                    .append(1 + random.nextInt(9))
                    .append('-')
                    .append(10 + random.nextInt(18))
                    .append('T')
                    .append(10 + random.nextInt(10))
                    .append(":00:00,")
                    .append(statuses[random.nextInt(statuses.length)])
                    .append(',')
                    .append(random.nextInt(50_000) / 100.0)
                    .append(',')
                    .append(random.nextInt(4) == 0 ? "5.00" : "")
                    .append(',')
                    .append(random.nextInt(5) == 0 ? "RAMADAN" : "")
                    .append('\n');
            for (int line = 0; line < 1 + random.nextInt(3); line++) {
                items.append('O')
                        .append(o)
                        .append(",P")
                        .append(1 + random.nextInt(20))
                        .append(',')
                        .append(1 + random.nextInt(3))
                        .append(',')
                        .append(10 + random.nextInt(90))
                        .append(".25\n");
            }
        }
        orders.append("O2,C9,2024-03-03T12:00:00,completed,77.70,,\n");
        StringBuilder carts = new StringBuilder("cart_id,customer_id,created_at,status\n");
        for (int c = 1; c <= 40; c++) {
            carts.append("K")
                    .append(c)
                    .append(',')
                    .append(c % 5 == 0 ? "" : "C" + (c + round * 3))
                    .append(",2024-04-0")
                    .append(c % 9 + 1)
                    .append(',')
                    .append(c % 3 == 0 ? "converted" : "abandoned")
                    .append('\n');
        }
        // round 1 gives new lines to the even carts only: the others keep theirs (a cart given without lines)
        StringBuilder cartItems = new StringBuilder("cart_id,product_id,quantity,unit_price,name,url\n");
        for (int c = 1; c <= 40; c++) {
            if (c % 4 == 3 || (round == 1 && c % 2 == 1)) {
                continue;
            }
            for (int line = 0; line < 1 + (c + round) % 3; line++) {
                int product = 1 + (c * 7 + line * 3 + round) % 20;
                cartItems
                        .append('K')
                        .append(c)
                        .append(",P")
                        .append(product)
                        .append(',')
                        .append(1 + (c + line) % 4)
                        .append(',')
                        .append(line == 2 ? "" : line == 1 ? "0.001" : product * 3 + ".50")
                        .append(',')
                        .append(line == 0 ? "علبة تمر " + product : "")
                        .append(',')
                        .append(line == 0 ? "https://shop.example/p/" + product : "")
                        .append('\n');
            }
        }
        StringBuilder reviews = new StringBuilder("review_id,customer_id,product_id,rating,created_at\n");
        for (int r = 1; r <= 40; r++) {
            reviews.append('R')
                    .append(r)
                    .append(",C")
                    .append(r % 20 + 1 + round)
                    .append(',')
                    .append(r % 2 == 0 ? "" : "P" + (r % 20 + 1))
                    .append(',')
                    .append(1 + r % 5)
                    .append(",2024-05-0")
                    .append(r % 3 + 1)
                    .append('\n');
        }
        StringBuilder wishlist = new StringBuilder("customer_id,product_id,added_at\n");
        for (int w = 1; w <= 30; w++) {
            wishlist.append('C')
                    .append(w % 25 + 1)
                    .append(",P")
                    .append(w % 7 + 1)
                    .append(",2024-06-0")
                    .append(w % 5 + 1)
                    .append('\n');
        }
        write(dir, "products.csv", products);
        write(dir, "customers.csv", customers);
        write(dir, "orders.csv", orders);
        write(dir, "order_items.csv", items);
        write(dir, "carts.csv", carts);
        write(dir, "cart_items.csv", cartItems);
        write(dir, "reviews.csv", reviews);
        write(dir, "wishlist.csv", wishlist);
        return dir;
    }

    private static void write(Path dir, String file, CharSequence text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }
}
