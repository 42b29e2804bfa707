package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.checkout.Coupon;
import io.basira.commerce.ColumnLengths;
import io.basira.groups.Group;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every length limit the code checks is exactly the size of the column that stores the value, on
 * each database as migrated: a limit above it would let a value through to a database error (a
 * 500), a limit below it would refuse values the schema holds.
 */
@SpringBootTest(properties = {"basira.demo.enabled=false"})
abstract class TextLimitsMatchSchemaContract {

    @Autowired
    JdbcTemplate jdbc;

    /** table.column → the limit the code checks before writing it. */
    private static Map<String, Integer> limits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (String table : new String[] {"customers", "orders", "products", "carts", "reviews"}) {
            limits.put(table + ".external_id", ColumnLengths.ID);
        }
        for (String table : new String[] {"orders", "carts", "reviews", "wishlist_items"}) {
            limits.put(table + ".customer_external_id", ColumnLengths.ID);
        }
        limits.put("order_lines.order_external_id", ColumnLengths.ID);
        limits.put("order_lines.product_external_id", ColumnLengths.ID);
        limits.put("reviews.product_external_id", ColumnLengths.ID);
        limits.put("wishlist_items.product_external_id", ColumnLengths.ID);
        Map<String, Integer> byColumn = ColumnLengths.all();
        for (String column : new String[] {"first_name", "last_name", "email", "phone", "city", "region", "tags"}) {
            limits.put("customers." + column, byColumn.get(column));
        }
        limits.put("products.name", byColumn.get("name"));
        limits.put("products.category", byColumn.get("category"));
        for (String column : new String[] {"coupon_code", "payment_method", "shipping_method"}) {
            limits.put("orders." + column, byColumn.get(column));
        }
        limits.put("groups.name", Group.MAX_NAME_LENGTH);
        limits.put("groups.rule_text", Group.MAX_RULE_TEXT_LENGTH);
        limits.put("groups.rule_json", Group.MAX_RULE_JSON_LENGTH);
        limits.put("checkout_coupons.code", Coupon.MAX_CODE_LENGTH);
        limits.put("checkout_policies.definition", JdbcCheckoutPolicies.MAX_STORED_LENGTH);
        limits.put("checkout_coupons.definition", JdbcCheckoutPolicies.MAX_STORED_LENGTH);
        limits.put("checkout_settings.catalogue", JdbcCheckoutPolicies.MAX_STORED_LENGTH);
        limits.put("checkout_audit.before_json", JdbcCheckoutPolicies.MAX_STORED_LENGTH);
        limits.put("checkout_audit.after_json", JdbcCheckoutPolicies.MAX_STORED_LENGTH);
        return limits;
    }

    @Test
    void every_text_limit_is_the_size_of_its_column() {
        Map<String, Integer> schema = new LinkedHashMap<>();
        limits().keySet().forEach(column -> schema.put(column, size(column)));
        assertThat(schema).isEqualTo(limits());
    }

    @Test
    void every_limited_csv_column_is_checked_against_the_schema() {
        assertThat(limits().values()).containsAll(ColumnLengths.all().values());
    }

    private Integer size(String tableColumn) {
        String[] parts = tableColumn.split("\\.");
        return jdbc.queryForObject(
                "SELECT character_maximum_length FROM information_schema.columns"
                        + " WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(table_name) = ? AND LOWER(column_name) = ?",
                Integer.class,
                parts[0],
                parts[1]);
    }
}
