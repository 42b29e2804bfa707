package io.basira.server.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Product;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.RecordBatch;
import io.basira.server.csvimport.ColumnMappingJson;
import io.basira.server.csvimport.MappingPresets;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.UnitPrice;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform exports through a column mapping, the stores' saved mappings and prices finer than the currency's
 * minor unit, against the real schema (issue 13, items 6 and 7).
 */
@SpringBootTest(properties = {"basira.demo.enabled=false"})
abstract class PlatformImportContract {

    private static final AtomicLong STORES = new AtomicLong();
    private static final Currency SAR = Currency.getInstance("SAR");

    @TempDir
    Path tmp;

    @Autowired
    ImportFolder importer;

    @Autowired
    ImportMappings mappings;

    @Autowired
    io.basira.server.privacy.AuditLog audit;

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
                name + "-" + STORES.incrementAndGet() + "-" + System.nanoTime(), name, SAR, ZoneId.of("Asia/Riyadh"));
    }

    private Path folder(Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "folder");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private static void applied(ImportOutcome outcome) {
        assertThat(outcome.applied()).as("%s", outcome.report().errors()).isTrue();
    }

    @Test
    void a_price_finer_than_a_halala_is_stored_exactly_and_the_figures_stay_in_halalas() throws IOException {
        Store store = store("bolts");
        applied(importer.run(
                store,
                folder(Map.of(
                        "products.csv", "product_id,name,price\nBOLT,Bolt,0.001\nNUT,Nut,0.50\n",
                        "customers.csv", "customer_id,created_at\nC1,2024-01-01\n",
                        "orders.csv", "order_id,customer_id,created_at,status,total\nO1,C1,2024-02-01,completed,1.50\n",
                        "order_items.csv",
                                "order_id,product_id,quantity,unit_price\nO1,BOLT,1500,0.001\nO1,NUT,1,0.5\n")),
                false,
                ImportFolder.Progress.none()));

        Map<String, Object> line = jdbc.queryForMap(
                "SELECT quantity, unit_price_minor, unit_price_exact "
                        + "FROM order_lines WHERE store_id = ? AND product_external_id = 'BOLT'",
                store.id().value());
        assertThat(((Number) line.get("unit_price_minor")).longValue()).isZero();
        assertThat((BigDecimal) line.get("unit_price_exact")).isEqualByComparingTo("0.001");
        OrderLine stored = OrderLine.priced(
                "O1",
                "BOLT",
                ((Number) line.get("quantity")).intValue(),
                new UnitPrice((BigDecimal) line.get("unit_price_exact"), SAR));
        assertThat(stored.lineTotal()).isEqualTo(Money.ofMinor(150, SAR));
        assertThat(jdbc.queryForList(
                        "SELECT external_id, price_minor, price_exact FROM products WHERE store_id = ? "
                                + "ORDER BY external_id",
                        store.id().value()))
                .satisfiesExactly(
                        bolt -> assertThat((BigDecimal) bolt.get("price_exact")).isEqualByComparingTo("0.001"), nut -> {
                            assertThat(((Number) nut.get("price_minor")).longValue())
                                    .isEqualTo(50);
                            assertThat(nut.get("price_exact")).isNull();
                        });
        assertThat(jdbc.queryForObject(
                        "SELECT total_spent_minor FROM customers WHERE store_id = ? AND " + "external_id = 'C1'",
                        Long.class,
                        store.id().value()))
                .isEqualTo(150);

        StringWriter exported = new StringWriter();
        assertThat(new OrderItemsCsvExport(jdbc).write(store, exported)).isEqualTo(2);
        assertThat(exported.toString())
                .isEqualTo("order_id,product_id,quantity,unit_price\nO1,BOLT,1500,0.001\n" + "O1,NUT,1,0.50\n");
    }

    @Test
    void the_write_api_path_stores_the_exact_price_too() {
        Store store = store("api-bolts");
        RecordBatch batch = new RecordBatch()
                .add(new Customer(
                        "C1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Set.of()))
                .add(new Order(
                        "O1",
                        "C1",
                        Instant.parse("2024-02-01T00:00:00Z"),
                        OrderStatus.COMPLETED,
                        Money.ofMinor(150, SAR),
                        Money.zero(SAR),
                        null,
                        null,
                        null))
                .add(OrderLine.priced("O1", "BOLT", 1500, new UnitPrice(new BigDecimal("0.001"), SAR)))
                .add(Product.priced("BOLT", "Bolt", null, new UnitPrice(new BigDecimal("0.000125"), SAR)));
        transaction.executeWithoutResult(status -> ingest.ingest(store, batch));

        assertThat(jdbc.queryForObject(
                        "SELECT unit_price_exact FROM order_lines WHERE store_id = ?",
                        BigDecimal.class,
                        store.id().value()))
                .isEqualByComparingTo("0.001");
        assertThat(jdbc.queryForObject(
                        "SELECT price_exact FROM products WHERE store_id = ?",
                        BigDecimal.class,
                        store.id().value()))
                .isEqualByComparingTo("0.000125");
    }

    @Test
    void shopifys_exports_import_through_the_presets_into_orders_with_their_lines() throws IOException {
        Store store = store("shopify");
        Path exports = folder(Map.of("customers_export.csv", """
                Customer ID,First Name,Last Name,Email,Default Address City,Default Address Country Code,Phone,Tags
                101,Sara,Q,sara@example.com,Riyadh,SA,,vip
                """, "orders_export_1.csv", """
                Name,Email,Financial Status,Fulfillment Status,Currency,Total,Discount Code,Discount Amount,\
                Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Phone
                #1001,sara@example.com,paid,fulfilled,SAR,110.00,,0.00,2024-03-01 18:20:00 +0300,2,Dates,45.00,D-1,
                #1001,sara@example.com,,,,,,,,1,Coffee,20.00,,
                """));

        applied(importer.run(
                store,
                exports,
                false,
                ImportFolder.Progress.none(),
                MappingPresets.presets("shopify-customers,shopify-orders")));

        assertThat(jdbc.queryForList(
                        "SELECT product_external_id, quantity, unit_price_minor FROM order_lines "
                                + "WHERE store_id = ? ORDER BY line_no",
                        store.id().value()))
                .extracting(r -> r.get("product_external_id"))
                .containsExactly("D-1", "Coffee");
        assertThat(jdbc.queryForMap(
                        "SELECT status, total_minor FROM orders WHERE store_id = ?",
                        store.id().value()))
                .containsEntry("status", "completed");
        assertThat(jdbc.queryForObject(
                        "SELECT order_count FROM customers WHERE store_id = ? AND external_id = ?",
                        Integer.class,
                        store.id().value(),
                        "sara@example.com"))
                .isEqualTo(1);

        // the same exports again change nothing
        applied(importer.run(
                store,
                exports,
                false,
                ImportFolder.Progress.none(),
                MappingPresets.presets("shopify-customers,shopify-orders")));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM order_lines WHERE store_id = ?",
                        Integer.class,
                        store.id().value()))
                .isEqualTo(2);
    }

    @Test
    void a_saved_mapping_is_the_stores_own_and_an_import_can_read_through_it() throws IOException {
        Store owner = store("saver");
        Store other = store("other");
        io.basira.server.privacy.AuditLog.Actor cli = io.basira.server.privacy.AuditLog.Actor.cli();
        mappings.save(owner.id(), MappingPresets.preset("salla-customers"), cli);
        mappings.save(owner.id(), ColumnMappingJson.read("""
                {"name": "mine", "files": {"customers": {"source": "عملاء*.csv", "date_format": "dd/MM/yyyy",
                 "columns": {"customer_id": "رقم العميل", "created_at": "تاريخ التسجيل", "gender": "الجنس"},
                 "values": {"gender": {"ذكر": "male"}}}}}
                """), cli);

        assertThat(mappings.saved(owner.id()))
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("mine"));
        assertThat(mappings.saved(other.id())).isEmpty();
        assertThatThrownBy(() -> mappings.resolve(other, "saved")).hasMessageContaining("has no saved column mapping");

        Path exports = folder(Map.of(
                "عملاء.csv",
                "رقم العميل,تاريخ التسجيل,الجنس\nC-1,05/01/2024,ذكر\n",
                "orders.csv",
                "order_id,customer_id,created_at,status,total\n"));
        applied(importer.run(owner, exports, false, ImportFolder.Progress.none(), mappings.resolve(owner, "saved")));
        assertThat(jdbc.queryForList(
                        "SELECT external_id, gender FROM customers WHERE store_id = ?",
                        owner.id().value()))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("gender", "male"));

        mappings.forget(owner.id(), cli);
        assertThat(mappings.saved(owner.id())).isEmpty();
        assertThat(List.of(owner, other))
                .allSatisfy(s -> assertThat(mappings.saved(s.id())).isEmpty());

        // saved, changed and forgotten: each in the audit log, the mapping as readable lines
        var entries = audit.search(owner.id(), null, null, 10);
        assertThat(entries)
                .extracting(e -> e.action())
                .containsOnly("setting.import_mapping")
                .hasSize(3);
        assertThat(entries.get(1).changes())
                .contains(
                        new io.basira.server.privacy.Changes.Change("mapping_name", "salla-customers", "mine"),
                        new io.basira.server.privacy.Changes.Change(
                                "mapped_files", "customers.csv ← *customers*.csv", "customers.csv ← عملاء*.csv"),
                        new io.basira.server.privacy.Changes.Change(
                                "date_formats",
                                "customers.csv [yyyy/MM/dd][yyyy-MM-dd][dd/MM/yyyy][dd-MM-yyyy][ HH:mm[:ss]]",
                                "customers.csv dd/MM/yyyy"));
        assertThat(entries.get(0).changes()).extracting(c -> c.after()).containsOnlyNulls();
        assertThat(audit.search(other.id(), null, null, 10)).isEmpty();
    }
}
