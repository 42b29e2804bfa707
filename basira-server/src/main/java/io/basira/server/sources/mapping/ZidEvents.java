package io.basira.server.sources.mapping;

import io.basira.commerce.Cart;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Product;
import io.basira.ingest.RecordBatch;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.UnitPrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Zid's webhooks: the body is the resource itself (an order, a product, an abandoned cart), possibly
 * wrapped as {@code {"order": {...}}}; the event is the {@code event} query parameter of the URL the
 * webhook was created with, else the body's {@code event}, else read from the body's shape. Zid's dates
 * carry no offset ({@code 2023-07-04 09:12:36}): they are read in the store's time zone. The version time
 * is the resource's {@code updated_at}.
 */
final class ZidEvents implements PlatformEvents {

    /** Zid's order status codes onto the canonical statuses (docs/connect.md); compared in lower case. */
    static final Map<String, OrderStatus> STATUSES = Map.ofEntries(
            Map.entry("new", OrderStatus.PENDING),
            Map.entry("processed", OrderStatus.PROCESSING),
            Map.entry("preparing", OrderStatus.PROCESSING),
            Map.entry("ready", OrderStatus.PROCESSING),
            Map.entry("indelivery", OrderStatus.PROCESSING),
            Map.entry("canceledreversal", OrderStatus.PROCESSING),
            Map.entry("delivered", OrderStatus.COMPLETED),
            Map.entry("cancelled", OrderStatus.CANCELLED),
            Map.entry("canceled", OrderStatus.CANCELLED),
            Map.entry("failed", OrderStatus.CANCELLED),
            Map.entry("expired", OrderStatus.CANCELLED),
            Map.entry("voided", OrderStatus.CANCELLED),
            Map.entry("denied", OrderStatus.CANCELLED),
            Map.entry("refunded", OrderStatus.RETURNED),
            Map.entry("reversed", OrderStatus.RETURNED),
            Map.entry("reverse_in_progress", OrderStatus.RETURNED),
            Map.entry("chargeback", OrderStatus.RETURNED));

    @Override
    public Mapped read(PlatformEvent event) {
        JsonNode body = event.body();
        String topic = topic(event.topic(), body);
        if (topic.startsWith("order.")) {
            JsonNode order =
                    Fields.present(body.get("order")) && body.get("order").isObject() ? body.get("order") : body;
            return order(event.store(), order, event.receivedAt());
        }
        return switch (topic) {
            case "abandoned_cart.created", "abandoned_cart.completed" ->
                cart(
                        event.store(),
                        topic,
                        // docs.zid.sa's AbandonedCartDetailed: {"status": "object", "abandoned_cart": {...}}
                        Fields.present(body.get("abandoned_cart"))
                                        && body.get("abandoned_cart").isObject()
                                ? body.get("abandoned_cart")
                                : Fields.present(body.get("cart")) ? body.get("cart") : body,
                        event.receivedAt());
            case "product.create", "product.update", "product.publish" ->
                product(
                        event.store(),
                        Fields.present(body.get("product")) ? body.get("product") : body,
                        event.receivedAt());
            case "customer.create", "customer.update" ->
                customer(
                        event.store(),
                        Fields.present(body.get("customer")) ? body.get("customer") : body,
                        event.receivedAt());
            default -> Mapped.ignore("Zid event '" + topic + "' is not one Basira maps");
        };
    }

    /** The named event, else one read from the body's shape ({@code order_status}: an order). */
    private static String topic(String named, JsonNode body) {
        if (named != null && !named.isBlank() && !named.equals("unknown")) {
            return named;
        }
        String inBody = Fields.text(body, "event");
        if (inBody != null) {
            return inBody;
        }
        if (Fields.present(body.get("order_status")) || Fields.present(Fields.at(body, "order", "order_status"))) {
            return "order.status.update";
        }
        return "unknown";
    }

    private static Mapped order(Store store, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "order", "id");
        String where = "order " + id;
        String code = Fields.text(data, "order_status", "code");
        if (code == null) {
            throw new Unmappable(where + ": order_status.code is missing");
        }
        OrderStatus status = STATUSES.get(code.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new Unmappable(where + ": Zid status '" + code + "' has no canonical status; known: "
                    + String.join(", ", new TreeSet<>(STATUSES.keySet())));
        }
        Instant at = version(store, data, receivedAt, where);
        Instant created = Fields.instant(Fields.text(data, "created_at"), store.timeZone(), where + ": created_at");
        Instant createdAt = created != null ? created : at;
        Money total = Fields.money(data.get("order_total"), store.currency(), where + ": order_total");
        if (total == null) {
            throw new Unmappable(where + ": order_total is missing");
        }
        String customerId = Fields.requiredId(data, where, "customer", "id");
        Money discount = Fields.money(data.get("discount_total"), total.currency(), where + ": discount_total");
        Money finalTotal = total;
        Order order = PlatformEvents.build(
                where,
                () -> new Order(
                        id,
                        customerId,
                        createdAt,
                        status,
                        finalTotal,
                        discount,
                        Fields.text(data, "coupon", "code"),
                        Fields.text(data, "payment", "method", "name"),
                        Fields.text(data, "shipping", "method", "name")));
        RecordBatch batch = new RecordBatch().add(order);
        lines(data, id, total, where).forEach(batch::add);
        return Mapped.records(
                "order:" + id,
                at,
                batch,
                List.of(customerOf(data.get("customer"), customerId, createdAt, where)),
                "order " + id + " (" + status.code() + ")");
    }

    private static Instant version(Store store, JsonNode data, Instant receivedAt, String where) {
        Instant updated = Fields.instant(Fields.text(data, "updated_at"), store.timeZone(), where + ": updated_at");
        return updated != null ? updated : receivedAt;
    }

    private static List<OrderLine> lines(JsonNode data, String orderId, Money total, String where) {
        List<OrderLine> lines = new ArrayList<>();
        JsonNode products = data.get("products");
        if (!Fields.present(products) || !products.isArray()) {
            return lines;
        }
        int index = 0;
        for (JsonNode item : products) {
            String at = where + ": products[" + index++ + "]";
            String productId = Fields.requiredId(item, at, "id");
            int quantity = SallaEvents.quantity(item, at);
            UnitPrice price = Fields.unitPrice(item.get("price"), total.currency(), at + ": price");
            if (price == null) {
                throw new Unmappable(at + ": price is missing");
            }
            lines.add(PlatformEvents.build(at, () -> OrderLine.priced(orderId, productId, quantity, price)));
        }
        return lines;
    }

    /** Zid's customer object: {@code id, name, email, mobile}, sometimes {@code city.name}. */
    private static Customer customerOf(JsonNode node, String id, Instant createdAt, String where) {
        String[] name = PlatformEvents.splitName(Fields.text(node, "name"));
        String city =
                Fields.present(Fields.at(node, "city")) && node.get("city").isObject()
                        ? Fields.text(node, "city", "name")
                        : Fields.text(node, "city");
        return PlatformEvents.customer(
                where + ": customer",
                id,
                name[0],
                name[1],
                Fields.text(node, "email"),
                Fields.text(node, "mobile"),
                Fields.text(node, "gender"),
                Fields.date(Fields.text(node, "birth_date")),
                city,
                Fields.text(node, "country", "code"),
                createdAt);
    }

    private static Mapped customer(Store store, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "customer", "id");
        Instant at = version(store, data, receivedAt, "customer " + id);
        Instant created = Fields.instant(Fields.text(data, "created_at"), store.timeZone(), "customer " + id);
        Customer customer = customerOf(data, id, created != null ? created : at, "customer " + id);
        return Mapped.records("customer:" + id, at, new RecordBatch().add(customer), List.of(), "customer " + id);
    }

    /** A Zid cart product: {@code product_id} or {@code id}, {@code name} (text, or {@code {ar, en}}), … */
    private static final PlatformCartLines.Paths LINES = new PlatformCartLines.Paths(
            List.<String[]>of(new String[] {"product_id"}, new String[] {"id"}),
            List.<String[]>of(new String[] {"name"}, new String[] {"name", "ar"}, new String[] {"name", "en"}),
            List.<String[]>of(new String[] {"price"}, new String[] {"unit_price"}),
            List.<String[]>of(new String[] {"url"}, new String[] {"product_url"}));

    /** An abandoned cart: {@code abandoned_cart.completed} is a cart that was bought. */
    private static Mapped cart(Store store, String topic, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "cart", "id");
        String where = "cart " + id;
        Instant at = version(store, data, receivedAt, where);
        Instant created = Fields.instant(Fields.text(data, "created_at"), store.timeZone(), where + ": created_at");
        Instant createdAt = created != null ? created : at;
        CartStatus status = topic.equals("abandoned_cart.completed") ? CartStatus.CONVERTED : CartStatus.ABANDONED;
        JsonNode customer = data.get("customer");
        String customerId = Fields.present(customer) ? Fields.id(customer, "id") : Fields.id(data, "customer_id");
        Money total = Fields.money(
                Fields.present(data.get("cart_total")) ? data.get("cart_total") : data.get("total"),
                store.currency(),
                where + ": cart_total");
        String count = Fields.text(data, "products_count");
        Cart cart = PlatformEvents.build(
                where,
                () -> new Cart(
                        id,
                        customerId,
                        createdAt,
                        at.isBefore(createdAt) ? createdAt : at,
                        total,
                        count == null ? null : Integer.valueOf(count),
                        status));
        List<Customer> embedded = customerId == null
                ? List.of()
                : List.of(
                        Fields.present(customer)
                                ? customerOf(customer, customerId, createdAt, where)
                                : PlatformEvents.customer(
                                        where + ": customer",
                                        customerId,
                                        PlatformEvents.splitName(Fields.text(data, "customer_name"))[0],
                                        PlatformEvents.splitName(Fields.text(data, "customer_name"))[1],
                                        Fields.text(data, "customer_email"),
                                        Fields.text(data, "customer_mobile"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        createdAt));
        RecordBatch batch = new RecordBatch().add(cart);
        JsonNode products = Fields.present(data.get("products")) ? data.get("products") : data.get("items");
        String cartUrl =
                Fields.text(data, "cart_url") != null ? Fields.text(data, "cart_url") : Fields.text(data, "url");
        PlatformCartLines.read(products, id, store.currency(), cartUrl, LINES).forEach(batch::add);
        return Mapped.records("cart:" + id, at, batch, embedded, "cart " + id + " (" + status.code() + ")");
    }

    private static Mapped product(Store store, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "product", "id");
        String where = "product " + id;
        Instant at = version(store, data, receivedAt, where);
        JsonNode categories = data.get("categories");
        String category = Fields.present(categories) && categories.isArray() && !categories.isEmpty()
                ? Fields.text(categories.get(0), "name")
                : null;
        String name = Fields.present(data.get("name")) && data.get("name").isObject()
                ? firstNonNull(Fields.text(data, "name", "ar"), Fields.text(data, "name", "en"))
                : Fields.text(data, "name");
        Money price = Fields.money(data.get("price"), store.currency(), where + ": price");
        Product product = PlatformEvents.build(where, () -> new Product(id, name, category, price));
        return Mapped.records("product:" + id, at, new RecordBatch().add(product), List.of(), "product " + id);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
