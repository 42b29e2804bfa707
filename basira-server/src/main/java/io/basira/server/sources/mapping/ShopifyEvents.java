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
import tools.jackson.databind.JsonNode;

/**
 * Shopify's webhooks (REST resource payloads; the topic is the {@code X-Shopify-Topic} header). The version
 * time is the resource's {@code updated_at}. Amounts are decimal strings in the resource's {@code currency}.
 */
final class ShopifyEvents implements PlatformEvents {

    @Override
    public Mapped read(PlatformEvent event) {
        JsonNode body = event.body();
        return switch (event.topic()) {
            case "orders/create",
                    "orders/updated",
                    "orders/paid",
                    "orders/cancelled",
                    "orders/fulfilled",
                    "orders/partially_fulfilled",
                    "orders/edited" -> order(event.store(), body, event.receivedAt());
            case "orders/delete" -> Mapped.cancel(Fields.requiredId(body, "order", "id"), event.receivedAt());
            case "customers/create", "customers/update" -> customer(event.store(), body, event.receivedAt());
            case "checkouts/create", "checkouts/update" -> checkout(event.store(), body, event.receivedAt());
            case "products/create", "products/update" -> product(event.store(), body, event.receivedAt());
            default -> Mapped.ignore("Shopify topic '" + event.topic() + "' is not one Basira maps");
        };
    }

    /**
     * Shopify's order state onto the canonical statuses: {@code cancelled_at} set → cancelled; financial status
     * refunded → returned; voided or expired → cancelled; pending, authorized, partially_paid → pending;
     * otherwise (paid, partially_refunded) completed when fulfilled, else processing.
     */
    static OrderStatus status(JsonNode order) {
        if (Fields.text(order, "cancelled_at") != null) {
            return OrderStatus.CANCELLED;
        }
        String financial = String.valueOf(Fields.text(order, "financial_status"));
        return switch (financial) {
            case "refunded" -> OrderStatus.RETURNED;
            case "voided", "expired" -> OrderStatus.CANCELLED;
            case "pending", "authorized", "partially_paid" -> OrderStatus.PENDING;
            default ->
                "fulfilled".equals(Fields.text(order, "fulfillment_status"))
                        ? OrderStatus.COMPLETED
                        : OrderStatus.PROCESSING;
        };
    }

    private static Mapped order(Store store, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "order", "id");
        String where = "order " + id;
        Instant at = version(store, data, receivedAt, where);
        Instant created = Fields.instant(Fields.text(data, "created_at"), store.timeZone(), where + ": created_at");
        Instant createdAt = created != null ? created : at;
        java.util.Currency currency = currency(data, store, where);
        Money total = Fields.money(data.get("total_price"), currency, where + ": total_price");
        if (total == null) {
            throw new Unmappable(where + ": total_price is missing");
        }
        JsonNode customer = data.get("customer");
        String customerId = Fields.id(customer, "id");
        if (customerId == null) {
            throw new Unmappable(
                    where + ": the order has no customer (a guest checkout); Basira keeps orders of customers");
        }
        Money discount = Fields.money(data.get("total_discounts"), currency, where + ": total_discounts");
        JsonNode codes = data.get("discount_codes");
        String coupon =
                Fields.present(codes) && codes.isArray() && !codes.isEmpty() ? Fields.text(codes.get(0), "code") : null;
        JsonNode gateways = data.get("payment_gateway_names");
        String payment = Fields.present(gateways) && gateways.isArray() && !gateways.isEmpty()
                ? Fields.text(gateways.get(0))
                : null;
        JsonNode shipping = data.get("shipping_lines");
        String shippingMethod = Fields.present(shipping) && shipping.isArray() && !shipping.isEmpty()
                ? Fields.text(shipping.get(0), "title")
                : null;
        OrderStatus status = status(data);
        Order order = PlatformEvents.build(
                where,
                () -> new Order(id, customerId, createdAt, status, total, discount, coupon, payment, shippingMethod));
        RecordBatch batch = new RecordBatch().add(order);
        lines(data, id, currency, where).forEach(batch::add);
        return Mapped.records(
                "order:" + id,
                at,
                batch,
                List.of(customerOf(store, customer, customerId, createdAt, where)),
                "order " + id + " (" + status.code() + ")");
    }

    private static java.util.Currency currency(JsonNode data, Store store, String where) {
        String code = Fields.text(data, "currency");
        try {
            return code == null ? store.currency() : java.util.Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new Unmappable(where + ": unknown currency '" + code + "'");
        }
    }

    private static Instant version(Store store, JsonNode data, Instant receivedAt, String where) {
        Instant updated = Fields.instant(Fields.text(data, "updated_at"), store.timeZone(), where + ": updated_at");
        return updated != null ? updated : receivedAt;
    }

    private static List<OrderLine> lines(JsonNode data, String orderId, java.util.Currency currency, String where) {
        List<OrderLine> lines = new ArrayList<>();
        JsonNode items = data.get("line_items");
        if (!Fields.present(items) || !items.isArray()) {
            return lines;
        }
        int index = 0;
        for (JsonNode item : items) {
            String at = where + ": line_items[" + index++ + "]";
            String product = Fields.id(item, "product_id");
            String productId = product != null ? product : Fields.requiredId(item, at, "variant_id");
            int quantity = SallaEvents.quantity(item, at);
            UnitPrice price = Fields.unitPrice(item.get("price"), currency, at + ": price");
            if (price == null) {
                throw new Unmappable(at + ": price is missing");
            }
            lines.add(PlatformEvents.build(at, () -> OrderLine.priced(orderId, productId, quantity, price)));
        }
        return lines;
    }

    private static Customer customerOf(Store store, JsonNode node, String id, Instant fallback, String where) {
        Instant created =
                Fields.instant(Fields.text(node, "created_at"), store.timeZone(), where + ": customer.created_at");
        JsonNode address = node.get("default_address");
        return PlatformEvents.customer(
                where + ": customer",
                id,
                Fields.text(node, "first_name"),
                Fields.text(node, "last_name"),
                Fields.text(node, "email"),
                Fields.text(node, "phone"),
                null,
                null,
                Fields.text(address, "city"),
                Fields.text(address, "country_code"),
                created != null ? created : fallback);
    }

    private static Mapped customer(Store store, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "customer", "id");
        Instant at = version(store, data, receivedAt, "customer " + id);
        Customer customer = customerOf(store, data, id, at, "customer " + id);
        return Mapped.records("customer:" + id, at, new RecordBatch().add(customer), List.of(), "customer " + id);
    }

    /** A checkout's line item: {@code product_id} (else {@code variant_id}), {@code title}, {@code price}; no link of its own. */
    private static final PlatformCartLines.Paths LINES = new PlatformCartLines.Paths(
            List.<String[]>of(new String[] {"product_id"}, new String[] {"variant_id"}),
            List.<String[]>of(new String[] {"title"}, new String[] {"name"}),
            List.<String[]>of(new String[] {"price"}),
            List.<String[]>of());

    /** A checkout: Shopify's abandoned checkout until {@code completed_at} is set, then bought. */
    private static Mapped checkout(Store store, JsonNode data, Instant receivedAt) {
        String token = Fields.id(data, "token");
        String id = token != null ? token : Fields.requiredId(data, "checkout", "id");
        String where = "checkout " + id;
        Instant at = version(store, data, receivedAt, where);
        Instant created = Fields.instant(Fields.text(data, "created_at"), store.timeZone(), where + ": created_at");
        Instant createdAt = created != null ? created : at;
        CartStatus status = Fields.text(data, "completed_at") != null ? CartStatus.CONVERTED : CartStatus.ABANDONED;
        JsonNode customer = data.get("customer");
        String customerId = Fields.id(customer, "id");
        Money total = Fields.money(data.get("total_price"), currency(data, store, where), where + ": total_price");
        JsonNode items = data.get("line_items");
        Integer count = Fields.present(items) && items.isArray() ? Integer.valueOf(items.size()) : null;
        Cart cart = PlatformEvents.build(
                where,
                () -> new Cart(
                        id, customerId, createdAt, at.isBefore(createdAt) ? createdAt : at, total, count, status));
        List<Customer> embedded =
                customerId == null ? List.of() : List.of(customerOf(store, customer, customerId, createdAt, where));
        RecordBatch batch = new RecordBatch().add(cart);
        java.util.Currency priced = currency(data, store, where).equals(store.currency()) ? store.currency() : null;
        PlatformCartLines.read(items, id, priced, Fields.text(data, "abandoned_checkout_url"), LINES)
                .forEach(batch::add);
        return Mapped.records("cart:" + id, at, batch, embedded, "checkout " + id + " (" + status.code() + ")");
    }

    private static Mapped product(Store store, JsonNode data, Instant receivedAt) {
        String id = Fields.requiredId(data, "product", "id");
        String where = "product " + id;
        Instant at = version(store, data, receivedAt, where);
        JsonNode variants = data.get("variants");
        Money price = Fields.present(variants) && variants.isArray() && !variants.isEmpty()
                ? Fields.money(variants.get(0).get("price"), store.currency(), where + ": variants[0].price")
                : null;
        Product product = PlatformEvents.build(
                where, () -> new Product(id, Fields.text(data, "title"), Fields.text(data, "product_type"), price));
        return Mapped.records("product:" + id, at, new RecordBatch().add(product), List.of(), "product " + id);
    }
}
