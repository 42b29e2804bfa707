package io.basira.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.CustomerFact;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.region.PopulationTable;
import io.basira.analytics.region.Regions;
import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Dates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks one default-sized store (2,000 customers, 5,000 orders) against the canonical import format of docs/import.md. */
class DemoStoreGeneratorTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final DemoStoreSpec SPEC = DemoStoreSpec.defaults();

    @TempDir
    static Path folder;

    private static DemoStoreSummary summary;
    private static Map<CanonicalCsv, CsvTable> tables;

    @BeforeAll
    static void generate() throws IOException {
        summary = new DemoStoreGenerator().write(SPEC, folder);
        tables = new HashMap<>();
        for (CanonicalCsv file : CanonicalCsv.values()) {
            tables.put(file, CsvTable.read(folder.resolve(file.fileName())));
        }
    }

    private static CsvTable table(CanonicalCsv file) {
        return tables.get(file);
    }

    @Test
    void every_file_has_the_canonical_header_and_as_many_rows_as_the_summary_says() {
        for (CanonicalCsv file : CanonicalCsv.values()) {
            assertThat(table(file).header()).as(file.fileName()).isEqualTo(file.columns());
            assertThat((long) table(file).rows().size())
                    .as(file.fileName())
                    .isEqualTo(summary.rowsPerFile().get(file.fileName()));
        }
        assertThat(summary.customers()).isEqualTo(2_000);
        assertThat(summary.orders()).isEqualTo(5_000);
    }

    @Test
    void every_required_column_is_filled() {
        Map<CanonicalCsv, List<String>> required = Map.of(
                CanonicalCsv.CUSTOMERS, List.of("customer_id", "created_at"),
                CanonicalCsv.ORDERS, List.of("order_id", "customer_id", "created_at", "status", "total"),
                CanonicalCsv.ORDER_ITEMS, List.of("order_id", "product_id", "quantity", "unit_price"),
                CanonicalCsv.PRODUCTS, List.of("product_id", "name", "category", "price"),
                CanonicalCsv.CARTS, List.of("cart_id", "created_at", "status"),
                CanonicalCsv.REVIEWS, List.of("review_id", "customer_id", "rating", "created_at"),
                CanonicalCsv.WISHLIST, List.of("customer_id", "product_id", "added_at"));
        required.forEach((file, columns) -> {
            for (String column : columns) {
                assertThat(table(file).column(column))
                        .as(file.fileName() + " " + column)
                        .doesNotContain("");
            }
        });
    }

    @Test
    void every_reference_points_at_a_row_that_exists() {
        Set<String> customers = ids(CanonicalCsv.CUSTOMERS, "customer_id");
        Set<String> orders = ids(CanonicalCsv.ORDERS, "order_id");
        Set<String> products = ids(CanonicalCsv.PRODUCTS, "product_id");
        assertThat(customers).hasSize(2_000);
        assertThat(orders).hasSize(5_000);
        assertThat(customers).containsAll(table(CanonicalCsv.ORDERS).column("customer_id"));
        assertThat(orders).containsAll(table(CanonicalCsv.ORDER_ITEMS).column("order_id"));
        assertThat(orders)
                .isEqualTo(new HashSet<>(table(CanonicalCsv.ORDER_ITEMS).column("order_id")));
        assertThat(products).containsAll(table(CanonicalCsv.ORDER_ITEMS).column("product_id"));
        assertThat(customers).containsAll(table(CanonicalCsv.REVIEWS).column("customer_id"));
        assertThat(customers).containsAll(table(CanonicalCsv.WISHLIST).column("customer_id"));
        assertThat(products).containsAll(table(CanonicalCsv.WISHLIST).column("product_id"));
        Set<String> reviewed = new HashSet<>(table(CanonicalCsv.REVIEWS).column("product_id"));
        reviewed.remove("");
        assertThat(products).containsAll(reviewed);
        Set<String> cartOwners = new HashSet<>(table(CanonicalCsv.CARTS).column("customer_id"));
        cartOwners.remove("");
        assertThat(customers).containsAll(cartOwners);
        assertThat(ids(CanonicalCsv.CARTS, "cart_id"))
                .hasSize(table(CanonicalCsv.CARTS).rows().size());
        assertThat(ids(CanonicalCsv.REVIEWS, "review_id"))
                .hasSize(table(CanonicalCsv.REVIEWS).rows().size());
    }

    @Test
    void order_totals_are_the_items_minus_the_discount_and_never_negative() {
        Map<String, BigDecimal> lineSums = new HashMap<>();
        for (Map<String, String> item : table(CanonicalCsv.ORDER_ITEMS).rows()) {
            BigDecimal amount = new BigDecimal(item.get("unit_price")).multiply(new BigDecimal(item.get("quantity")));
            lineSums.merge(item.get("order_id"), amount, BigDecimal::add);
            assertThat(Integer.parseInt(item.get("quantity"))).isPositive();
        }
        for (Map<String, String> order : table(CanonicalCsv.ORDERS).rows()) {
            BigDecimal total = new BigDecimal(order.get("total"));
            BigDecimal discount = new BigDecimal(order.get("discount_total"));
            assertThat(total.scale()).isEqualTo(2);
            assertThat(total.signum()).as(order.get("order_id")).isNotNegative();
            assertThat(discount.signum()).as(order.get("order_id")).isNotNegative();
            assertThat(total.add(discount))
                    .as(order.get("order_id"))
                    .isEqualByComparingTo(lineSums.get(order.get("order_id")));
        }
    }

    @Test
    void every_order_status_and_every_cart_status_appears() {
        assertThat(table(CanonicalCsv.ORDERS).column("status")).containsAll(codes(OrderStatus.values()));
        assertThat(table(CanonicalCsv.CARTS).column("status")).containsAll(codes(CartStatus.values()));
        Map<String, Long> statuses = table(CanonicalCsv.ORDERS).column("status").stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(statuses.get("completed")).isGreaterThan(5_000 / 2);
    }

    @Test
    void some_carts_are_anonymous_and_some_reviews_rate_the_store() {
        assertThat(table(CanonicalCsv.CARTS).column("customer_id")).contains("");
        assertThat(table(CanonicalCsv.REVIEWS).column("product_id")).contains("");
        assertThat(table(CanonicalCsv.REVIEWS).column("product_id")).anyMatch(id -> !id.isEmpty());
    }

    @Test
    void ratings_are_one_to_five_and_mostly_positive() {
        List<Integer> ratings = table(CanonicalCsv.REVIEWS).column("rating").stream()
                .map(Integer::parseInt)
                .toList();
        assertThat(ratings).allMatch(r -> r >= 1 && r <= 5).contains(1, 2, 3, 4, 5);
        assertThat(ratings.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .isGreaterThan(3.5);
    }

    @Test
    void customers_sign_up_before_their_first_order_and_everything_happens_in_the_period() {
        Map<String, Instant> signups = new HashMap<>();
        for (Map<String, String> customer : table(CanonicalCsv.CUSTOMERS).rows()) {
            signups.put(customer.get("customer_id"), inPeriod(customer.get("created_at")));
        }
        for (Map<String, String> order : table(CanonicalCsv.ORDERS).rows()) {
            Instant at = inPeriod(order.get("created_at"));
            assertThat(at).as(order.get("order_id")).isAfter(signups.get(order.get("customer_id")));
        }
        for (CanonicalCsv file : List.of(CanonicalCsv.REVIEWS, CanonicalCsv.CARTS)) {
            table(file).column("created_at").forEach(DemoStoreGeneratorTest::inPeriod);
        }
        table(CanonicalCsv.WISHLIST).column("added_at").forEach(DemoStoreGeneratorTest::inPeriod);
    }

    @Test
    void a_customer_has_a_product_on_the_wishlist_at_most_once() {
        List<String> pairs = table(CanonicalCsv.WISHLIST).rows().stream()
                .map(row -> row.get("customer_id") + "/" + row.get("product_id"))
                .toList();
        assertThat(pairs).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void customer_attributes_have_the_canonical_formats() {
        CsvTable customers = table(CanonicalCsv.CUSTOMERS);
        assertThat(customers.column("gender")).containsOnly("male", "female", "");
        assertThat(customers.column("country"))
                .allMatch(c -> c.matches("[A-Z]{2}"))
                .contains("SA", "AE", "KW");
        assertThat(customers.column("birth_date"))
                .allMatch(d -> d.isEmpty() || d.matches("\\d{4}-\\d{2}-\\d{2}"))
                .contains("");
        for (Map<String, String> row : customers.rows()) {
            if (row.get("country").equals("SA") && !row.get("phone").isEmpty()) {
                assertThat(row.get("phone")).matches("\\+9665\\d{8}");
            }
        }
        List<String> emails =
                customers.column("email").stream().filter(e -> !e.isEmpty()).toList();
        assertThat(emails).doesNotHaveDuplicates().allMatch(e -> e.matches("[a-z._0-9]+@[a-z.]+"));
        assertThat(customers.column("tags").stream().flatMap(t -> Arrays.stream(t.split(";"))))
                .contains("vip", "newsletter");
    }

    @Test
    void names_cities_and_products_are_written_in_arabic_and_in_english() {
        CsvTable customers = table(CanonicalCsv.CUSTOMERS);
        assertThat(customers.column("first_name"))
                .anyMatch(DemoStoreGeneratorTest::isArabic)
                .anyMatch(name -> name.matches("[A-Za-z ]+"));
        assertThat(customers.column("city")).contains("الرياض", "Riyadh", "جدة", "Jeddah");
        assertThat(table(CanonicalCsv.PRODUCTS).column("name"))
                .anyMatch(DemoStoreGeneratorTest::isArabic)
                .anyMatch(name -> name.matches("[A-Za-z0-9 ,.\"'-]+"));
    }

    @Test
    void coupons_and_payment_and_shipping_methods_look_like_a_saudi_store() {
        CsvTable orders = table(CanonicalCsv.ORDERS);
        assertThat(orders.column("coupon_code")).contains("WELCOME10", "RAMADAN20", "WHITEFRIDAY", "");
        assertThat(orders.column("payment_method")).contains("mada", "apple_pay", "stc_pay", "cod", "tabby", "tamara");
        assertThat(orders.column("shipping_method")).contains("aramex", "smsa", "spl");
        assertThat(orders.column("currency")).containsOnly("SAR");
    }

    @Test
    void ramadan_days_have_more_orders_than_ordinary_days() {
        long ramadan = 0;
        long before = 0;
        for (String at : table(CanonicalCsv.ORDERS).column("created_at")) {
            String day = at.substring(0, 10);
            ramadan += day.compareTo("2025-03-01") >= 0 && day.compareTo("2025-03-29") <= 0 ? 1 : 0;
            before += day.compareTo("2025-01-30") >= 0 && day.compareTo("2025-02-27") <= 0 ? 1 : 0;
        }
        assertThat(ramadan).isGreaterThan(before * 5 / 4);
    }

    private static Set<String> ids(CanonicalCsv file, String column) {
        return new HashSet<>(table(file).column(column));
    }

    private static Instant inPeriod(String text) {
        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+03:00");
        Instant at = Dates.parseInstant(text, RIYADH);
        assertThat(at)
                .isAfterOrEqualTo(SPEC.start().atStartOfDay(RIYADH).toInstant())
                .isBefore(SPEC.end().plusDays(1).atStartOfDay(RIYADH).toInstant());
        return at;
    }

    private static boolean isArabic(String text) {
        return text.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Test
    void the_regions_of_the_demo_store_are_one_row_per_place_and_almost_all_known() {
        List<CustomerFact> customers = table(CanonicalCsv.CUSTOMERS).rows().stream()
                .map(r -> new CustomerFact(
                        r.get("customer_id"),
                        blank(r.get("city")),
                        blank(r.get("region")),
                        blank(r.get("country")),
                        Instant.parse("2024-01-01T00:00:00Z")))
                .toList();
        Regions.Report report = Regions.of(
                new StoreFacts(RIYADH, SPEC.currency(), customers, List.of()),
                AnalysisWindow.asOf(java.time.LocalDate.parse("2025-01-01")),
                PopulationTable.gulf());
        List<String> regions =
                report.regions().stream().map(a -> a.country() + ":" + a.name()).toList();
        List<String> cities = report.cities().stream()
                .map(a -> a.country() + ":" + a.region() + ":" + a.name())
                .toList();
        assertThat(regions).doesNotHaveDuplicates();
        assertThat(cities).doesNotHaveDuplicates();
        assertThat(report.regions().stream().map(Regions.Area::arabicName).filter(n -> n != null))
                .doesNotHaveDuplicates();
        assertThat(regions).filteredOn(r -> r.endsWith(Regions.UNKNOWN)).hasSizeLessThanOrEqualTo(1);
        int unknown = report.regions().stream()
                .filter(a -> a.name().equals(Regions.UNKNOWN))
                .mapToInt(Regions.Area::customers)
                .sum();
        assertThat(unknown).as("customers of no known region").isLessThan(customers.size() / 50);
        assertThat(report.regions())
                .filteredOn(a -> !a.name().equals(Regions.UNKNOWN))
                .allSatisfy(a -> assertThat(a.population()).as(a.name()).isNotNull());
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
