package io.basira.server.cards.jdbc;

import io.basira.fields.BuiltInFields;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An order a customer list can be sorted by: the customer id, the signup and the names, then every field of
 * the catalogue that sorts ({@link SegmentField#sort()}), in catalogue order. Each maps to an SQL expression
 * built from names the fields declare, over an unaliased {@code customers} table, so no request text ever
 * reaches SQL; a field kept in another table ({@code customer_analytics}, a feature's own) is looked up by
 * the customer's key (no row sorts as no value).
 */
public final class CustomerSort {

    private static final List<CustomerSort> FIXED = List.of(
            new CustomerSort("customer_id", "external_id", false),
            new CustomerSort("created_at", "created_at", false),
            new CustomerSort("first_name", "first_name", false),
            new CustomerSort("last_name", "last_name", false));
    private static final Map<String, CustomerSort> BUILT_IN = byName(BuiltInFields.catalogue());

    /** The default order of the dashboard's lists (a built-in field, in every catalogue). */
    public static final CustomerSort TOTAL_SPENT = BUILT_IN.get("total_spent");

    public static final CustomerSort ORDER_COUNT = BUILT_IN.get("order_count");

    private final String name;
    private final String column;
    private final boolean reversed;

    private CustomerSort(String name, String column, boolean reversed) {
        this.name = name;
        this.column = column;
        this.reversed = reversed;
    }

    private static CustomerSort of(SegmentField field) {
        SortColumn sort = field.sort();
        String column = sort.table().equals("customers")
                ? sort.column()
                : "(SELECT a." + sort.column() + " FROM " + sort.table() + " a WHERE a.store_id = customers.store_id"
                        + " AND a.customer_external_id = customers.external_id)";
        return new CustomerSort(field.fieldName(), column, sort.reversed());
    }

    private static Map<String, CustomerSort> byName(FieldCatalogue fields) {
        Map<String, CustomerSort> sorts = new LinkedHashMap<>();
        FIXED.forEach(sort -> sorts.put(sort.name, sort));
        for (SegmentField field : fields.sortable()) {
            sorts.putIfAbsent(field.fieldName(), of(field));
        }
        return sorts;
    }

    /** Every order over the fields of {@code fields}. */
    public static List<CustomerSort> values(FieldCatalogue fields) {
        return new ArrayList<>(byName(fields).values());
    }

    /**
     * The order named {@code field}, over the fields of {@code fields}.
     *
     * @throws IllegalArgumentException naming the allowed fields
     */
    public static CustomerSort of(String field, FieldCatalogue fields) {
        return find(field, byName(fields));
    }

    private static CustomerSort find(String field, Map<String, CustomerSort> sorts) {
        CustomerSort sort = sorts.get(field.strip().toLowerCase(Locale.ROOT));
        if (sort == null) {
            throw new IllegalArgumentException(
                    "cannot sort by '" + field + "'; sortable fields: " + String.join(", ", sorts.keySet()));
        }
        return sort;
    }

    /** The names of every order over the fields of {@code fields}, comma-separated. */
    public static String names(FieldCatalogue fields) {
        return String.join(", ", byName(fields).keySet());
    }

    /** The name in requests ({@code total_spent}). */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** ORDER BY clause; customers without a value come last in either direction; ties by row id. */
    public String orderBy(boolean descending) {
        boolean desc = descending != reversed;
        return column + (desc ? " DESC" : " ASC") + " NULLS LAST, id " + (descending ? "DESC" : "ASC");
    }
}
