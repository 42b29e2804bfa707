package io.basira.server.dashboard;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A customer as the dashboard shows it: every value already formatted for the reader, each under
 * the published field name whose label is {@code field.<name>} in the message bundles.
 */
public record CustomerView(String customerId, String name, List<Field> attributes, List<Field> indicators) {

    /** One labelled value; {@code value} is empty when the customer has none. */
    public record Field(String name, String value) {

        public String label() {
            return "field." + name;
        }
    }

    public static CustomerView of(CustomerSnapshot snapshot, Store store, LocalDate today, DashboardFormats fmt) {
        Customer c = snapshot.customer();
        return new CustomerView(c.externalId(), name(c), attributes(c, today, fmt),
                indicators(snapshot.card(), store, today, fmt));
    }

    /** The indicator with this published name. @throws IllegalArgumentException when there is none */
    public String indicator(String name) {
        return indicators.stream().filter(f -> f.name().equals(name)).findFirst().map(Field::value)
                .orElseThrow(() -> new IllegalArgumentException("no indicator '" + name + "'"));
    }

    /** The attribute with this published name. @throws IllegalArgumentException when there is none */
    public String attribute(String name) {
        return attributes.stream().filter(f -> f.name().equals(name)).findFirst().map(Field::value)
                .orElseThrow(() -> new IllegalArgumentException("no attribute '" + name + "'"));
    }

    private static String name(Customer c) {
        String first = c.firstName() == null ? "" : c.firstName();
        String last = c.lastName() == null ? "" : c.lastName();
        return (first + " " + last).strip();
    }

    private static List<Field> attributes(Customer c, LocalDate today, DashboardFormats fmt) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("email", text(c.email())));
        fields.add(new Field("phone", text(c.phone())));
        fields.add(new Field("gender", c.gender() == null ? "" : c.gender().code()));
        fields.add(new Field("birth_date", fmt.date(c.birthDate())));
        fields.add(new Field("age", c.birthDate() == null ? "" : fmt.number(Period.between(c.birthDate(), today).getYears())));
        fields.add(new Field("city", text(c.city())));
        fields.add(new Field("region", text(c.region())));
        fields.add(new Field("country", text(c.country())));
        fields.add(new Field("created_at", fmt.date(c.createdAt())));
        fields.add(new Field("tags", String.join(" · ", new TreeSet<>(c.tags()))));
        return fields;
    }

    private static List<Field> indicators(CustomerCard card, Store store, LocalDate today, DashboardFormats fmt) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("order_count", fmt.number(card.orderCount())));
        fields.add(new Field("total_spent", fmt.money(card.totalSpentMinor())));
        fields.add(new Field("average_order_value", fmt.money(card.averageOrderValue(Money.fractionDigits(store.currency())))));
        fields.add(new Field("cancelled_orders", fmt.number(card.cancelledOrders())));
        fields.add(new Field("returned_orders", fmt.number(card.returnedOrders())));
        fields.add(new Field("last_purchase_at", fmt.date(card.lastPurchaseAt())));
        fields.add(new Field("first_order_at", fmt.date(card.firstOrderAt())));
        fields.add(new Field("abandoned_carts", fmt.number(card.abandonedCarts())));
        fields.add(new Field("store_rating", card.storeRating() == null ? "" : fmt.number(card.storeRating())));
        fields.add(new Field("days_since_last_purchase", fmt.number(card.daysSinceLastPurchase(today, store.timeZone()))));
        fields.add(new Field("discount_share", fmt.percent(card.discountShare())));
        fields.add(new Field("wishlist_count", fmt.number(card.wishlistCount())));
        fields.add(new Field("reviews_count", fmt.number(card.reviewsCount())));
        return fields;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
