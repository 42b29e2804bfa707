package io.basira.server.cards.jdbc;

import io.basira.card.CardAccumulator;
import io.basira.card.CustomerCard;
import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.jdbc.StagedRows;
import io.basira.server.platform.jdbc.StagedTable;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Folds many cards at once: streams the store's orders, carts, reviews and wishlist items (and its
 * customers, so a customer without records gets an empty card) ordered by customer, folds each
 * customer's with {@link CardAccumulator} — the one definition of the indicators — and writes the
 * cards in batches (PostgreSQL: {@code COPY} into a temporary table, then one update; H2: batched
 * updates). Memory holds one customer's fold and one batch of cards, whatever the store's size.
 *
 * <p>Runs in the caller's transaction, which must hold the store exclusively. Writes the same
 * columns, with the same derived values, as {@link JdbcCards}.
 */
public final class BulkCards {

    private static final int BATCH = 5_000;
    private static final String COLUMNS = "customer, kind, status, at, amount, discount, text_value, rating";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final JdbcTemplate jdbc;

    public BulkCards(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
    }

    /** Folds every card of the store again. @return the number of cards written */
    public long rebuildAll(Store store) {
        return fold(store, null);
    }

    /**
     * Folds the cards of the customers listed in a temporary table of the transaction (one column,
     * {@code customer_external_id}). @return the number of cards written
     */
    public long rebuildListed(Store store, String customersTable) {
        return fold(store, customersTable);
    }

    private long fold(Store store, String listed) {
        CardBatches batches = new CardBatches(store);
        Object[] args = new Object[5];
        java.util.Arrays.fill(args, store.id().value());
        Fold fold = new Fold(batches);
        jdbc.query(Sql.binaryRows(activity(listed), args), rs -> {
            fold.row(rs);
        });
        fold.finish();
        return batches.finish();
    }

    /**
     * Every fact a card is folded from, one row each, ordered by customer; with {@code listed}, only
     * those of the customers it lists (a join, which both databases run as one pass with lookups).
     */
    private static String activity(String listed) {
        return "SELECT " + COLUMNS + " FROM ("
                + "SELECT x.customer_external_id AS customer, 0 AS kind, x.status, x.created_at AS at, "
                + "x.total_minor AS amount, x.discount_minor AS discount, x.coupon_code AS text_value, "
                + "CAST(NULL AS INT) AS rating FROM orders x" + only(listed, "customer_external_id")
                + " WHERE x.store_id = ?"
                + " UNION ALL SELECT x.customer_external_id, 1, x.status, NULL, NULL, NULL, NULL, NULL FROM carts x"
                + only(listed, "customer_external_id") + " WHERE x.store_id = ? AND x.customer_external_id IS NOT NULL"
                + " UNION ALL SELECT x.customer_external_id, 2, x.product_external_id, x.created_at, NULL, NULL, "
                + "x.external_id, x.rating FROM reviews x" + only(listed, "customer_external_id")
                + " WHERE x.store_id = ?"
                + " UNION ALL SELECT x.customer_external_id, 3, NULL, NULL, NULL, NULL, NULL, NULL FROM wishlist_items x"
                + only(listed, "customer_external_id") + " WHERE x.store_id = ?"
                + " UNION ALL SELECT x.external_id, 4, NULL, NULL, NULL, NULL, NULL, NULL FROM customers x"
                + only(listed, "external_id") + " WHERE x.store_id = ?) facts ORDER BY customer";
    }

    private static String only(String listed, String column) {
        return listed == null ? "" : " JOIN " + listed + " t ON t.customer_external_id = x." + column;
    }

    /** The fold of the customer being read; a new customer id hands the finished card on. */
    private static final class Fold {
        private final CardBatches batches;
        private String customer;
        private CardAccumulator card;

        Fold(CardBatches batches) {
            this.batches = batches;
        }

        void row(ResultSet rs) throws SQLException {
            String id = rs.getString(1);
            if (!id.equals(customer)) {
                finish();
                customer = id;
                card = new CardAccumulator();
            }
            switch (rs.getInt(2)) {
                case 0 -> {
                    String coupon = rs.getString(7);
                    card.addOrder(
                            OrderStatus.fromCode(rs.getString(3)),
                            Sql.instant(rs, 4),
                            rs.getLong(5),
                            rs.getLong(6) > 0 || (coupon != null && !coupon.isBlank()));
                }
                case 1 -> card.addCart(CartStatus.fromCode(rs.getString(3)));
                case 2 -> card.addReview(rs.getString(7), rs.getString(3) == null, rs.getInt(8), Sql.instant(rs, 4));
                case 3 -> card.addWishlistItem();
                default -> {}
            }
        }

        void finish() {
            if (customer != null) {
                batches.add(customer, card.card());
                customer = null;
            }
        }
    }

    /** Cards on their way to {@code customers}, a batch at a time. */
    private final class CardBatches {
        private final Store store;
        private final int digits;
        private final List<Object[]> batch = new ArrayList<>(BATCH);
        private long written;
        private long seq;
        private boolean staged;

        CardBatches(Store store) {
            this.store = store;
            this.digits = Money.fractionDigits(store.currency());
        }

        void add(String customer, CustomerCard card) {
            batch.add(new Object[] {
                customer,
                card.orderCount(),
                card.totalSpentMinor(),
                card.averageOrderValue(digits),
                card.cancelledOrders(),
                card.returnedOrders(),
                card.lastPurchaseAt(),
                card.firstOrderAt(),
                card.abandonedCarts(),
                card.storeRating(),
                card.discountedOrders(),
                card.discountShare(),
                card.wishlistCount(),
                card.reviewsCount()
            });
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            if (dialect == SqlDialect.POSTGRESQL) {
                if (!staged) {
                    jdbc.execute(StagedTable.CARDS.createSql(dialect));
                    staged = true;
                }
                try (StagedRows rows = StagedRows.open(dataSource, dialect, StagedTable.CARDS)) {
                    batch.forEach(values -> rows.add(++seq, values));
                }
            } else {
                jdbc.batchUpdate(
                        UPDATE + "WHERE store_id = ? AND external_id = ?",
                        batch.stream()
                                .map(values -> {
                                    Object[] args = new Object[values.length + 1];
                                    System.arraycopy(values, 1, args, 0, values.length - 1);
                                    args[values.length - 1] = store.id().value();
                                    args[values.length] = values[0];
                                    for (int i = 0; i < args.length; i++) {
                                        if (args[i] instanceof Instant instant) {
                                            args[i] = OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
                                        }
                                    }
                                    return args;
                                })
                                .toList());
            }
            written += batch.size();
            batch.clear();
        }

        long finish() {
            flush();
            if (staged) {
                jdbc.update(
                        "UPDATE customers c SET "
                                + String.join(
                                        ", ",
                                        StagedTable.CARDS.columns().stream()
                                                .skip(1)
                                                .map(column -> column + " = s." + column)
                                                .toList())
                                + " FROM " + StagedTable.CARDS.table()
                                + " s WHERE c.store_id = ? AND c.external_id = s.external_id",
                        store.id().value());
            }
            return written;
        }
    }

    private static final String UPDATE = "UPDATE customers SET order_count = ?, total_spent_minor = ?, "
            + "average_order_value = ?, cancelled_orders = ?, returned_orders = ?, last_purchase_at = ?, "
            + "first_order_at = ?, abandoned_carts = ?, store_rating = ?, discounted_orders = ?, discount_share = ?, "
            + "wishlist_count = ?, reviews_count = ? ";
}
