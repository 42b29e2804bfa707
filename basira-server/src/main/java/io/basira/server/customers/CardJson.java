package io.basira.server.customers;

import io.basira.card.CardColumns;
import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON shape of a customer card: attributes and indicators under their published names.
 * Money is a JSON number with the currency's decimals; date-times are ISO-8601 UTC; absent values are null.
 */
public final class CardJson {

    private CardJson() {}

    public static Map<String, Object> of(CustomerSnapshot snapshot, Store store, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customer_id", snapshot.customer().externalId());
        json.put("attributes", attributes(snapshot.customer(), today));
        json.put("indicators", indicators(snapshot.card(), store, today));
        return json;
    }

    static Map<String, Object> attributes(Customer c, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("first_name", c.firstName());
        json.put("last_name", c.lastName());
        json.put("email", c.email());
        json.put("phone", c.phone());
        json.put("gender", c.gender() == null ? null : c.gender().code());
        json.put("birth_date", c.birthDate() == null ? null : c.birthDate().toString());
        json.put("age", c.birthDate() == null ? null : Period.between(c.birthDate(), today).getYears());
        json.put("city", c.city());
        json.put("region", c.region());
        json.put("country", c.country());
        json.put("created_at", CardColumns.instant(c.createdAt()));
        json.put("tags", new TreeSet<>(c.tags()));
        return json;
    }

    static Map<String, Object> indicators(CustomerCard card, Store store, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        int digits = Money.fractionDigits(store.currency());
        json.put("order_count", card.orderCount());
        json.put("total_spent", Money.ofMinor(card.totalSpentMinor(), store.currency()).toDecimal());
        json.put("average_order_value", card.averageOrderValue(digits));
        json.put("cancelled_orders", card.cancelledOrders());
        json.put("returned_orders", card.returnedOrders());
        json.put("last_purchase_at", nullIfEmpty(CardColumns.instant(card.lastPurchaseAt())));
        json.put("first_order_at", nullIfEmpty(CardColumns.instant(card.firstOrderAt())));
        json.put("abandoned_carts", card.abandonedCarts());
        json.put("store_rating", card.storeRating());
        json.put("days_since_last_purchase", card.daysSinceLastPurchase(today, store.timeZone()));
        json.put("discount_share", card.discountShare());
        json.put("wishlist_count", card.wishlistCount());
        json.put("reviews_count", card.reviewsCount());
        return json;
    }

    /**
     * The analytics card fields (docs/analytics.md) as last refreshed; every field null (and {@code as_of}
     * null) before the store's first refresh.
     */
    static Map<String, Object> analytics(java.util.Optional<Map<String, Object>> stored) {
        return stored.orElseGet(() -> {
            Map<String, Object> json = new LinkedHashMap<>();
            io.basira.server.analytics.JdbcCustomerAnalytics.FIELDS.forEach(field -> json.put(field, null));
            json.put("as_of", null);
            return json;
        });
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
