package io.basira.server.importing;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.server.csvimport.RecordSink;
import io.basira.server.importing.jdbc.StagedImport;
import io.basira.server.platform.jdbc.StagedTable;
import io.basira.server.privacy.Tombstones;
import io.basira.shared.SearchText;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Streams every valid record of an import into its {@link StagedImport} as it is read: nothing is
 * kept in memory, and the store's tables are not touched until the whole folder was read.
 */
final class StagingSink implements RecordSink {

    private final StagedImport staged;
    private final Tombstones.Screen screen;
    /** The carts the screen dropped (an erased customer's): their lines go with them. Few, usually none. */
    private final Set<String> droppedCarts = new HashSet<>();

    /** @param screen drops erased customers' records and moves their orders to the pseudonyms (docs/privacy.md) */
    StagingSink(StagedImport staged, Tombstones.Screen screen) {
        this.staged = staged;
        this.screen = screen;
    }

    @Override
    public void product(Product p) {
        staged.add(
                StagedTable.PRODUCTS,
                p.externalId(),
                p.name(),
                p.category(),
                p.price() == null ? null : p.price().minor(),
                p.exactPrice() == null ? null : p.exactPrice().amount());
    }

    @Override
    public void customer(Customer c) {
        if (!screen.keeps(c)) {
            return;
        }
        staged.add(
                StagedTable.CUSTOMERS,
                c.externalId(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.phone(),
                c.gender() == null ? null : c.gender().code(),
                c.birthDate(),
                c.city(),
                c.region(),
                c.country(),
                c.createdAt(),
                c.tags().isEmpty() ? null : String.join(";", new TreeSet<>(c.tags())),
                SearchText.ofCustomer(c.externalId(), c.firstName(), c.lastName(), c.email(), c.phone()));
    }

    @Override
    public void order(Order given) {
        Order o = screen.order(given);
        staged.add(
                StagedTable.ORDERS,
                o.externalId(),
                o.customerExternalId(),
                o.createdAt(),
                o.status().code(),
                o.total().minor(),
                o.discountTotal().minor(),
                o.couponCode(),
                o.paymentMethod(),
                o.shippingMethod());
    }

    @Override
    public void orderLine(OrderLine line) {
        staged.add(
                StagedTable.ORDER_LINES,
                line.orderExternalId(),
                line.productExternalId(),
                line.quantity(),
                line.unitPrice().minor(),
                line.exactUnitPrice() == null ? null : line.exactUnitPrice().amount());
    }

    @Override
    public void cart(Cart c) {
        if (!screen.keeps(c)) {
            droppedCarts.add(c.externalId());
            return;
        }
        staged.add(
                StagedTable.CARTS,
                c.externalId(),
                c.customerExternalId(),
                c.createdAt(),
                c.updatedAt(),
                c.total() == null ? null : c.total().minor(),
                c.itemsCount(),
                c.status().code());
    }

    @Override
    public void cartLine(CartLine line) {
        if (droppedCarts.contains(line.cartExternalId())) {
            return;
        }
        staged.add(
                StagedTable.CART_LINES,
                line.cartExternalId(),
                line.productExternalId(),
                line.name(),
                line.quantity(),
                line.unitPrice() == null ? null : line.unitPrice().amount(),
                line.url());
    }

    @Override
    public void review(Review r) {
        if (!screen.keeps(r)) {
            return;
        }
        staged.add(
                StagedTable.REVIEWS,
                r.externalId(),
                r.customerExternalId(),
                r.productExternalId(),
                r.rating(),
                r.createdAt());
    }

    @Override
    public void wishlistItem(WishlistItem w) {
        if (!screen.keeps(w)) {
            return;
        }
        staged.add(StagedTable.WISHLIST, w.customerExternalId(), w.productExternalId(), w.addedAt());
    }

    @Override
    public void fileDone(String file) {
        staged.endTable();
    }
}
