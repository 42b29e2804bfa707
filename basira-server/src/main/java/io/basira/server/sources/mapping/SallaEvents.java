package io.basira.server.sources.mapping;

import io.basira.commerce.Cart;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.ingest.RecordBatch;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.UnitPrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Salla's webhooks: the envelope {@code {event, merchant, created_at, data}}; the version time of every
 * record is the envelope's {@code created_at} (when Salla made the event), else when Basira received it.
 * Amounts come flat or as {@code {amount, currency}} objects (both shapes Salla has used).
 */
final class SallaEvents implements PlatformEvents {

    /** Salla's order status slugs onto the canonical statuses (docs/connect.md). */
    static final Map<String, OrderStatus> STATUSES = Map.ofEntries(
            Map.entry("payment_pending", OrderStatus.PENDING),
            Map.entry("waiting_for_payment_confirmation", OrderStatus.PENDING),
            Map.entry("under_review", OrderStatus.PENDING),
            Map.entry("in_progress", OrderStatus.PROCESSING),
            Map.entry("shipped", OrderStatus.PROCESSING),
            Map.entry("delivering", OrderStatus.PROCESSING),
            Map.entry("completed", OrderStatus.COMPLETED),
            Map.entry("delivered", OrderStatus.COMPLETED),
            Map.entry("canceled", OrderStatus.CANCELLED),
            Map.entry("cancelled", OrderStatus.CANCELLED),
            Map.entry("payment_failed", OrderStatus.CANCELLED),
            Map.entry("restored", OrderStatus.RETURNED),
            Map.entry("restoring", OrderStatus.RETURNED),
            Map.entry("refunded", OrderStatus.RETURNED));

    @Override
    public Mapped read(PlatformEvent event) {
        JsonNode data = Fields.at(event.body(), "data");
        if (!Fields.present(data) || !data.isObject()) {
            throw new Unmappable("Salla event '" + event.topic() + "': the body has no 'data' object");
        }
        Instant version = Fields.instant(
                Fields.text(event.body(), "created_at"), event.store().timeZone(), "created_at");
        Instant at = version != null ? version : event.receivedAt();
        String topic = event.topic();
        if (topic.startsWith("order.")) {
            return order(
                    event.store(),
                    topic,
                    Fields.present(data.get("order")) && data.get("order").isObject() ? data.get("order") : data,
                    at);
        }
        return switch (topic) {
            case "customer.created", "customer.updated" -> customer(event.store(), data, at);
            case "abandoned.cart", "abandoned.cart.status.changed", "abandoned.cart.purchased" ->
                cart(event.store(), topic, data, at);
            case "review.added" -> review(event.store(), data, at);
            case "product.created", "product.updated" -> product(event.store(), data, at);
            default -> Mapped.ignore("Salla event '" + topic + "' is not one Basira maps");
        };
    }

    private static Mapped order(Store store, String topic, JsonNode data, Instant at) {
        String id = Fields.requiredId(data, "order", "id");
        String where = "order " + id;
        if (topic.equals("order.deleted") && !Fields.present(data.get("amounts"))) {
            return Mapped.cancel(id, at);
        }
        OrderStatus status = switch (topic) {
            case "order.cancelled", "order.deleted" -> OrderStatus.CANCELLED;
            case "order.refunded" -> OrderStatus.RETURNED;
            default -> status(data, where);
        };
        JsonNode customer = data.get("customer");
        String customerId = Fields.requiredId(data, where, "customer", "id");
        JsonNode amounts = data.get("amounts");
        Money total = Fields.money(Fields.at(amounts, "total"), store.currency(), where + ": amounts.total");
        if (total == null) {
            total = Fields.money(data.get("total"), store.currency(), where + ": total");
        }
        if (total == null) {
            throw new Unmappable(where + ": amounts.total is missing");
        }
        Money finalTotal = total;
        Instant created = Fields.dateObject(data.get("date"), store.timeZone(), where + ": date");
        Instant createdAt = created != null ? created : at;
        Discount discount = discount(amounts, total, where);
        Order order = PlatformEvents.build(
                where,
                () -> new Order(
                        id,
                        customerId,
                        createdAt,
                        status,
                        finalTotal,
                        discount.amount(),
                        discount.code(),
                        Fields.text(data, "payment_method"),
                        Fields.text(data, "shipping", "company", "name")));
        RecordBatch batch = new RecordBatch().add(order);
        lines(data, id, total, where).forEach(batch::add);
        return Mapped.records(
                "order:" + id,
                at,
                batch,
                List.of(customer(store, customer, customerId, createdAt, where)),
                "order " + id + " (" + status.code() + ")");
    }

    private static OrderStatus status(JsonNode data, String where) {
        JsonNode node = data.get("status");
        String slug = Fields.present(node) && node.isObject() ? Fields.text(node, "slug") : Fields.text(node);
        if (slug == null) {
            throw new Unmappable(where + ": status.slug is missing");
        }
        OrderStatus status = STATUSES.get(slug.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new Unmappable(where + ": Salla status '" + slug + "' has no canonical status; known: "
                    + String.join(", ", new java.util.TreeSet<>(STATUSES.keySet())));
        }
        return status;
    }

    private record Discount(Money amount, String code) {}

    /** The sum of {@code amounts.discounts[].discount} and the first coupon code among them. */
    private static Discount discount(JsonNode amounts, Money total, String where) {
        Money sum = Money.zero(total.currency());
        String code = null;
        JsonNode discounts = Fields.at(amounts, "discounts");
        if (Fields.present(discounts) && discounts.isArray()) {
            for (JsonNode discount : discounts) {
                Money amount = Fields.money(discount.get("discount"), total.currency(), where + ": discounts");
                sum = amount == null ? sum : sum.plus(amount);
                code = code != null ? code : Fields.text(discount, "code");
            }
        }
        return new Discount(sum, code);
    }

    private static List<OrderLine> lines(JsonNode data, String orderId, Money total, String where) {
        List<OrderLine> lines = new ArrayList<>();
        JsonNode items = data.get("items");
        if (!Fields.present(items) || !items.isArray()) {
            return lines;
        }
        int index = 0;
        for (JsonNode item : items) {
            String at = where + ": items[" + index++ + "]";
            String product = Fields.id(item, "product", "id");
            String productId = product != null ? product : Fields.requiredId(item, at, "product_id");
            int quantity = quantity(item, at);
            UnitPrice price = Fields.unitPrice(Fields.at(item, "amounts", "price_without_tax"), total.currency(), at);
            if (price == null) {
                price = Fields.unitPrice(Fields.at(item, "product", "price"), total.currency(), at);
            }
            if (price == null) {
                throw new Unmappable(at + ": no unit price (amounts.price_without_tax or product.price)");
            }
            UnitPrice unit = price;
            lines.add(PlatformEvents.build(at, () -> OrderLine.priced(orderId, productId, quantity, unit)));
        }
        return lines;
    }

    static int quantity(JsonNode item, String where) {
        String text = Fields.text(item, "quantity");
        try {
            return text == null ? 1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Unmappable(where + ": quantity '" + text + "' is not a whole number");
        }
    }

    /** A customer object of an order or an event ({@code first_name}, {@code last_name}, {@code mobile} …). */
    private static Customer customer(Store store, JsonNode node, String id, Instant createdAt, String where) {
        String first = Fields.text(node, "first_name");
        String last = Fields.text(node, "last_name");
        if (first == null && last == null) {
            String[] split = PlatformEvents.splitName(Fields.text(node, "name"));
            first = split[0];
            last = split[1];
        }
        String mobile = Fields.text(node, "mobile");
        String code = Fields.text(node, "mobile_code");
        String phone = mobile == null ? null : code == null || mobile.startsWith("+") ? mobile : code + mobile;
        String birthday = Fields.present(Fields.at(node, "birthday"))
                        && node.get("birthday").isObject()
                ? Fields.text(node, "birthday", "date")
                : Fields.text(node, "birthday");
        String country = Fields.text(node, "country_code");
        return PlatformEvents.customer(
                where + ": customer",
                id,
                first,
                last,
                Fields.text(node, "email"),
                phone,
                Fields.text(node, "gender"),
                Fields.date(birthday),
                Fields.text(node, "city"),
                country != null ? country : Fields.text(node, "country"),
                createdAt);
    }

    private static Mapped customer(Store store, JsonNode data, Instant at) {
        String id = Fields.requiredId(data, "customer", "id");
        Instant created =
                Fields.dateObject(data.get("created_at"), store.timeZone(), "customer " + id + ": created_at");
        Customer customer = customer(store, data, id, created != null ? created : at, "customer " + id);
        return Mapped.records("customer:" + id, at, new RecordBatch().add(customer), List.of(), "customer " + id);
    }

    /** A Salla cart item: {@code product_id} or {@code product.id}, {@code name} or {@code product.name}, … */
    private static final PlatformCartLines.Paths LINES = new PlatformCartLines.Paths(
            List.<String[]>of(new String[] {"product_id"}, new String[] {"product", "id"}),
            List.<String[]>of(new String[] {"name"}, new String[] {"product", "name"}),
            List.<String[]>of(new String[] {"price"}, new String[] {"product", "price"}),
            List.<String[]>of(new String[] {"url"}, new String[] {"product", "url"}));

    private static Mapped cart(Store store, String topic, JsonNode data, Instant at) {
        String id = Fields.requiredId(data, "cart", "id");
        String where = "cart " + id;
        String status = Fields.text(data, "status");
        CartStatus cartStatus = topic.equals("abandoned.cart.purchased") || "purchased".equals(status)
                ? CartStatus.CONVERTED
                : CartStatus.ABANDONED;
        JsonNode customer = data.get("customer");
        String customerId = Fields.id(customer, "id");
        Instant created = Fields.dateObject(data.get("created_at"), store.timeZone(), where + ": created_at");
        Instant createdAt = created != null ? created : at;
        Money total = Fields.money(data.get("total"), store.currency(), where + ": total");
        JsonNode items = data.get("items");
        Integer count = Fields.present(items) && items.isArray()
                ? Integer.valueOf(items.size())
                : Fields.text(data, "items_count") == null ? null : Integer.valueOf(Fields.text(data, "items_count"));
        Cart cart = PlatformEvents.build(
                where,
                () -> new Cart(
                        id, customerId, createdAt, at.isBefore(createdAt) ? createdAt : at, total, count, cartStatus));
        List<Customer> embedded =
                customerId == null ? List.of() : List.of(customer(store, customer, customerId, createdAt, where));
        RecordBatch batch = new RecordBatch().add(cart);
        PlatformCartLines.read(items, id, store.currency(), Fields.text(data, "checkout_url"), LINES)
                .forEach(batch::add);
        return Mapped.records("cart:" + id, at, batch, embedded, "cart " + id + " (" + cartStatus.code() + ")");
    }

    private static Mapped review(Store store, JsonNode data, Instant at) {
        String id = Fields.requiredId(data, "review", "id");
        String where = "review " + id;
        String customerId = Fields.requiredId(data, where, "customer", "id");
        String ratingText = Fields.text(data, "rating");
        if (ratingText == null) {
            throw new Unmappable(where + ": rating is missing");
        }
        Instant created = Fields.dateObject(data.get("date"), store.timeZone(), where + ": date");
        Instant createdAt = created != null ? created : at;
        String product = Fields.id(data, "product", "id");
        Review review = PlatformEvents.build(
                where,
                () -> new Review(
                        id, customerId, product, new java.math.BigDecimal(ratingText).intValueExact(), createdAt));
        return Mapped.records(
                "review:" + id,
                at,
                new RecordBatch().add(review),
                List.of(customer(store, data.get("customer"), customerId, createdAt, where)),
                "review " + id);
    }

    private static Mapped product(Store store, JsonNode data, Instant at) {
        String id = Fields.requiredId(data, "product", "id");
        String where = "product " + id;
        JsonNode categories = data.get("categories");
        String category = Fields.present(categories) && categories.isArray() && !categories.isEmpty()
                ? Fields.text(categories.get(0), "name")
                : null;
        UnitPrice price = Fields.unitPrice(data.get("price"), store.currency(), where + ": price");
        Product product =
                PlatformEvents.build(where, () -> Product.priced(id, Fields.text(data, "name"), category, price));
        return Mapped.records("product:" + id, at, new RecordBatch().add(product), List.of(), "product " + id);
    }
}
