package io.basira.spark;

import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import io.basira.shared.Numerals;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * A canonical row as a {@link Fact}, read by the core's own rules (money exact in the store's currency, a
 * date-time without an offset in the store's zone, statuses by their codes). A row that breaks a rule fails the
 * job with the store, the file and the reason: the job computes from data the import would accept.
 */
public final class Facts {

    private Facts() {}

    public static Fact customer(Row row, Map<String, StoreSource> stores) {
        StoreSource store = stores.get(row.<String>getAs("store"));
        return within(row, "customers.csv", () -> {
            Fact fact = base(row, Fact.CUSTOMER);
            fact.at(Dates.parseInstant(text(row, "created_at"), store.zone()));
            fact.setFirstName(text(row, "first_name"));
            fact.setLastName(text(row, "last_name"));
            fact.setEmail(text(row, "email"));
            fact.setPhone(text(row, "phone"));
            fact.setGender(text(row, "gender"));
            fact.setBirthDate(text(row, "birth_date"));
            fact.setCity(text(row, "city"));
            fact.setRegion(text(row, "region"));
            fact.setCountry(text(row, "country"));
            fact.setTags(text(row, "tags"));
            return fact;
        });
    }

    public static Fact order(Row row, Map<String, StoreSource> stores) {
        StoreSource store = stores.get(row.<String>getAs("store"));
        return within(row, "orders.csv", () -> {
            Currency currency = store.currencyUnit();
            Fact fact = base(row, Fact.ORDER);
            fact.setCode(OrderStatus.fromCode(text(row, "status")).code());
            fact.at(Dates.parseInstant(text(row, "created_at"), store.zone()));
            fact.setAmountMinor(Money.parse(text(row, "total"), currency).minor());
            String given = text(row, "currency");
            if (given != null && !given.equalsIgnoreCase(store.currency())) {
                throw new IllegalArgumentException("currency '" + given + "' is not the store's " + store.currency());
            }
            String discount = text(row, "discount_total");
            long discountMinor =
                    discount == null ? 0 : Money.parse(discount, currency).minor();
            String coupon = text(row, "coupon_code");
            fact.setDiscounted(coupon != null || discountMinor > 0);
            Object categories = row.schema().getFieldIndex("categories").isDefined() ? row.getAs("categories") : null;
            fact.setCategories(categories == null ? 0 : ((Number) categories).intValue());
            fact.setCategory(fact.getCategories() == 1 ? row.getAs("category") : null);
            return fact;
        });
    }

    public static Fact cart(Row row, Map<String, StoreSource> stores) {
        return within(row, "carts.csv", () -> {
            Fact fact = base(row, Fact.CART);
            fact.setCode(CartStatus.fromCode(text(row, "status")).name());
            return fact;
        });
    }

    public static Fact review(Row row, Map<String, StoreSource> stores) {
        StoreSource store = stores.get(row.<String>getAs("store"));
        return within(row, "reviews.csv", () -> {
            Fact fact = base(row, Fact.REVIEW);
            fact.setReviewId(text(row, "review_id"));
            fact.setOfStore(text(row, "product_id") == null);
            Long rating = Numerals.whole(text(row, "rating"), 1, 5);
            if (rating == null) {
                throw new IllegalArgumentException(
                        "rating '" + text(row, "rating") + "' is not a whole number from 1 to 5");
            }
            fact.setRating(rating.intValue());
            fact.at(Dates.parseInstant(text(row, "created_at"), store.zone()));
            return fact;
        });
    }

    public static Fact wishlistItem(Row row, Map<String, StoreSource> stores) {
        return within(row, "wishlist.csv", () -> base(row, Fact.WISHLIST));
    }

    /** A row of {@code group_lists.csv} ({@code group,customer_id,list}: {@code added} or {@code excluded}). */
    public static Fact manual(Row row) {
        return within(row, GroupLists.FILE, () -> {
            Fact fact = base(row, Fact.MANUAL);
            String group = text(row, "group");
            if (group == null) {
                throw new IllegalArgumentException("group is empty");
            }
            String list = text(row, "list");
            if (!GroupLists.ADDED.equals(list) && !GroupLists.EXCLUDED.equals(list)) {
                throw new IllegalArgumentException("list is '" + list + "', not added or excluded");
            }
            fact.setGroup(group);
            fact.setCode(list);
            return fact;
        });
    }

    private static Fact base(Row row, int kind) {
        Fact fact = new Fact();
        fact.setStore(row.getAs("store"));
        String customer = text(row, "customer_id");
        if (customer == null) {
            throw new IllegalArgumentException("customer_id is empty");
        }
        fact.setCustomerId(customer);
        fact.setKind(kind);
        return fact;
    }

    /** The column's text, stripped; null when absent or blank. */
    static String text(Row row, String column) {
        String value = row.getAs(column);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static Fact within(Row row, String file, java.util.function.Supplier<Fact> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "store '" + row.getAs("store") + "', " + file + ": " + e.getMessage() + " (row " + row + ")", e);
        }
    }

    static ZoneId zone(Map<String, StoreSource> stores, String store) {
        return stores.get(store).zone();
    }
}
