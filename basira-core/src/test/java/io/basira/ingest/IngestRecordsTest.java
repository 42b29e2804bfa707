package io.basira.ingest;

import static io.basira.commerce.OrderStatus.CANCELLED;
import static io.basira.commerce.OrderStatus.COMPLETED;
import static io.basira.commerce.OrderStatus.PENDING;
import static io.basira.commerce.OrderStatus.RETURNED;
import static io.basira.fixtures.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.card.CustomerCard;
import io.basira.commerce.Cart;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Review;
import io.basira.fixtures.InMemoryCommerce;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestRecordsTest {

    private final Store store =
            new Store(new StoreId(1), "demo", "Demo", Store.DEFAULT_CURRENCY, Store.DEFAULT_TIME_ZONE);
    private final InMemoryCommerce db = new InMemoryCommerce();
    private final List<OrdersWritten> told = new ArrayList<>();
    private final IngestRecords ingest = new IngestRecords(db, db, new CardUpkeep(db, db), db, List.of(told::add));

    private static Customer customer(String id) {
        return new Customer(
                id,
                "سارة",
                "Alharbi",
                null,
                null,
                null,
                null,
                "الرياض",
                null,
                "SA",
                Instant.parse("2024-01-01T00:00:00Z"),
                Set.of());
    }

    private CustomerCard cardOf(String id) {
        return db.cards.get(id);
    }

    @Test
    void an_order_updates_its_customer_card_in_the_same_call() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(anOrder("O1").total("250.00").build()));
        assertThat(cardOf("C1").orderCount()).isEqualTo(1);
        assertThat(cardOf("C1").totalSpentMinor()).isEqualTo(25000);
    }

    @Test
    void a_completed_order_that_is_cancelled_leaves_the_counts_it_was_in() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(anOrder("O1").status(COMPLETED).build()));
        ingest.ingest(
                store, new RecordBatch().add(anOrder("O1").status(CANCELLED).build()));
        CustomerCard card = cardOf("C1");
        assertThat(card.orderCount()).isZero();
        assertThat(card.totalSpentMinor()).isZero();
        assertThat(card.cancelledOrders()).isEqualTo(1);
        assertThat(card.lastPurchaseAt()).isNull();
        assertThat(card.firstOrderAt()).isNull();
    }

    @Test
    void a_completed_order_that_is_returned_leaves_the_counts_it_was_in() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(anOrder("O1")
                                .status(COMPLETED)
                                .at("2024-02-01T10:00:00Z")
                                .build())
                        .add(anOrder("O2")
                                .status(COMPLETED)
                                .at("2024-03-01T10:00:00Z")
                                .total("40.00")
                                .build()));
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(anOrder("O2")
                                .status(RETURNED)
                                .at("2024-03-01T10:00:00Z")
                                .build()));
        CustomerCard card = cardOf("C1");
        assertThat(card.orderCount()).isEqualTo(1);
        assertThat(card.totalSpentMinor()).isEqualTo(10000);
        assertThat(card.returnedOrders()).isEqualTo(1);
        assertThat(card.lastPurchaseAt()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
    }

    @Test
    void the_same_order_delivered_twice_counts_once() {
        RecordBatch batch = new RecordBatch()
                .add(customer("C1"))
                .add(anOrder("O1").total("99.99").build());
        ingest.ingest(store, batch);
        CustomerCard once = cardOf("C1");
        ingest.ingest(store, batch);
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(anOrder("O1").total("99.99").build())
                        .add(anOrder("O1").total("99.99").build()));
        assertThat(cardOf("C1")).isEqualTo(once);
        assertThat(once.orderCount()).isEqualTo(1);
    }

    @Test
    void an_order_arriving_before_its_customer_is_refused_and_nothing_is_written() {
        assertThatThrownBy(() -> ingest.ingest(
                        store, new RecordBatch().add(anOrder("O1").of("C404").build())))
                .isInstanceOf(IngestRejected.class)
                .hasMessage("order 'O1': customer 'C404' does not exist in store 'demo'");
        assertThat(db.orders).isEmpty();
    }

    @Test
    void an_order_in_another_currency_is_refused() {
        assertThatThrownBy(() -> ingest.ingest(
                        store,
                        new RecordBatch()
                                .add(customer("C1"))
                                .add(anOrder("O1").in("USD").build())))
                .isInstanceOf(IngestRejected.class)
                .hasMessageContaining("order 'O1': currency USD is not the store's currency SAR");
        assertThat(db.customers).isEmpty();
    }

    @Test
    void an_order_and_its_customer_in_one_batch_are_accepted() {
        ingest.ingest(store, new RecordBatch().add(anOrder("O1").build()).add(customer("C1")));
        assertThat(cardOf("C1").orderCount()).isEqualTo(1);
    }

    @Test
    void order_lines_sent_again_replace_the_earlier_lines() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(anOrder("O1").build())
                        .add(line("O1", "P1"))
                        .add(line("O1", "P2")));
        ingest.ingest(store, new RecordBatch().add(line("O1", "P3")));
        assertThat(db.lines.get("O1")).extracting(OrderLine::productExternalId).containsExactly("P3");
    }

    @Test
    void lines_of_one_order_split_across_batches_of_one_replacement_are_all_kept() {
        ingest.ingest(
                store,
                new RecordBatch().add(customer("C1")).add(anOrder("O1").build()).add(line("O1", "OLD")));
        LineReplacement oneImport = new LineReplacement();
        ingest.write(store.id(), new RecordBatch().add(line("O1", "P1")), oneImport, RecordOwners.none());
        ingest.write(store.id(), new RecordBatch().add(line("O1", "P2")), oneImport, RecordOwners.none());
        assertThat(db.lines.get("O1")).extracting(OrderLine::productExternalId).containsExactly("P1", "P2");
    }

    @Test
    void a_line_for_a_missing_order_is_refused() {
        assertThatThrownBy(() -> ingest.ingest(store, new RecordBatch().add(line("O9", "P1"))))
                .isInstanceOf(IngestRejected.class)
                .hasMessageContaining("order 'O9'");
    }

    @Test
    void an_order_moved_to_another_customer_leaves_the_first_customers_card() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(customer("C2"))
                        .add(anOrder("O1").of("C1").total("100.00").build()));
        Set<String> refreshed = ingest.ingest(
                store,
                new RecordBatch().add(anOrder("O1").of("C2").total("100.00").build()));
        assertThat(refreshed).containsExactlyInAnyOrder("C1", "C2");
        assertThat(cardOf("C1").orderCount()).isZero();
        assertThat(cardOf("C1").totalSpentMinor()).isZero();
        assertThat(cardOf("C2").orderCount()).isEqualTo(1);
    }

    @Test
    void a_cart_or_review_moved_to_another_customer_leaves_the_first_customers_card() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(customer("C2"))
                        .add(cart("K1", "C1"))
                        .add(new Review("R1", "C1", null, 4, Instant.parse("2024-02-01T00:00:00Z"))));
        assertThat(cardOf("C1").abandonedCarts()).isEqualTo(1);
        assertThat(cardOf("C1").storeRating()).isEqualTo(4);
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(cart("K1", "C2"))
                        .add(new Review("R1", "C2", null, 4, Instant.parse("2024-02-01T00:00:00Z"))));
        assertThat(cardOf("C1").abandonedCarts()).isZero();
        assertThat(cardOf("C1").storeRating()).isNull();
        assertThat(cardOf("C2").abandonedCarts()).isEqualTo(1);
    }

    @Test
    void an_import_chunk_names_the_earlier_customer_of_a_moved_order() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(customer("C2"))
                        .add(anOrder("O1").of("C1").build()));
        Set<String> touched = ingest.write(
                store.id(),
                new RecordBatch().add(anOrder("O1").of("C2").build()),
                new LineReplacement(),
                new RecordOwners(Set.of("O1"), Map.of(), Map.of()));
        assertThat(touched).containsExactlyInAnyOrder("C1", "C2");
    }

    @Test
    void an_order_new_in_one_chunk_is_known_as_stored_in_the_next() {
        ingest.ingest(store, new RecordBatch().add(customer("C1")).add(customer("C2")));
        RecordOwners owners = RecordOwners.none();
        LineReplacement oneImport = new LineReplacement();
        ingest.write(store.id(), new RecordBatch().add(anOrder("O9").of("C1").build()), oneImport, owners);
        Set<String> touched = ingest.write(
                store.id(), new RecordBatch().add(anOrder("O9").of("C2").build()), oneImport, owners);
        assertThat(touched).containsExactlyInAnyOrder("C1", "C2");
    }

    @Test
    void a_write_locks_its_records_before_the_customers_it_touches() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(customer("C2"))
                        .add(anOrder("O1").of("C1").build()));
        db.locked.clear();
        ingest.ingest(store, new RecordBatch().add(anOrder("O1").of("C2").build()));
        assertThat(db.locked).containsExactly(List.of("order:O1"), List.of("customer:C1", "customer:C2"));
    }

    @Test
    void a_participant_sees_a_new_order_without_a_before_image() {
        ingest.ingest(
                store, new RecordBatch().add(customer("C1")).add(anOrder("O1").build()));
        assertThat(told).hasSize(1);
        assertThat(told.get(0).store()).isEqualTo(store.id());
        OrderChange change = told.get(0).changes().get(0);
        assertThat(change.isNew()).isTrue();
        assertThat(change.before()).isNull();
        assertThat(change.after()).isEqualTo(db.orders.get("O1"));
    }

    @Test
    void a_participant_sees_a_status_change_as_the_stored_version_and_the_new_one() {
        Order pending = anOrder("O1").status(PENDING).build();
        Order completed = anOrder("O1").status(COMPLETED).build();
        ingest.ingest(store, new RecordBatch().add(customer("C1")).add(pending));
        ingest.ingest(store, new RecordBatch().add(completed));
        assertThat(told.get(1).changes()).containsExactly(new OrderChange(pending, completed));
    }

    @Test
    void a_participant_sees_an_order_moved_to_another_customer_with_both_customers() {
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(customer("C1"))
                        .add(customer("C2"))
                        .add(anOrder("O1").of("C1").build()));
        Set<String> refreshed = ingest.ingest(
                store, new RecordBatch().add(anOrder("O1").of("C2").build()));
        OrderChange change = told.get(1).changes().get(0);
        assertThat(change.movedCustomer()).isTrue();
        assertThat(change.before().customerExternalId()).isEqualTo("C1");
        assertThat(change.after().customerExternalId()).isEqualTo("C2");
        assertThat(refreshed).containsExactlyInAnyOrder("C1", "C2");
    }

    @Test
    void the_same_order_twice_in_a_batch_reaches_participants_once_with_its_last_version() {
        Order stored = anOrder("O1").status(PENDING).total("10.00").build();
        ingest.ingest(store, new RecordBatch().add(customer("C1")).add(stored));
        Order last = anOrder("O1").status(CANCELLED).total("10.00").build();
        ingest.ingest(
                store,
                new RecordBatch()
                        .add(anOrder("O1").status(COMPLETED).total("10.00").build())
                        .add(anOrder("O2").build())
                        .add(last));
        assertThat(told.get(1).changes()).extracting(OrderChange::orderId).containsExactly("O1", "O2");
        assertThat(told.get(1).changes().get(0)).isEqualTo(new OrderChange(stored, last));
        assertThat(db.orders.get("O1")).isEqualTo(last);
    }

    @Test
    void a_participant_runs_after_the_records_are_written_and_before_the_cards_are_folded() {
        List<String> seen = new ArrayList<>();
        IngestRecords watched = new IngestRecords(
                db,
                db,
                new CardUpkeep(db, db),
                db,
                List.of(written -> seen.add(
                        db.orders.containsKey("O1") + " " + db.cards.get("C1").orderCount())));
        watched.ingest(
                store, new RecordBatch().add(customer("C1")).add(anOrder("O1").build()));
        assertThat(seen).containsExactly("true 0");
        assertThat(cardOf("C1").orderCount()).isEqualTo(1);
    }

    @Test
    void a_batch_without_orders_tells_no_participant() {
        ingest.ingest(store, new RecordBatch().add(customer("C1")).add(cart("K1", "C1")));
        assertThat(told).isEmpty();
    }

    @Test
    void import_chunks_tell_participants_with_what_earlier_chunks_stored() {
        Order first = anOrder("O1").of("C1").status(PENDING).build();
        ingest.ingest(
                store, new RecordBatch().add(customer("C1")).add(customer("C2")).add(first));
        told.clear();
        LineReplacement oneImport = new LineReplacement();
        Order second = anOrder("O1").of("C2").status(PENDING).build();
        Order third = anOrder("O1").of("C2").status(COMPLETED).build();
        RecordOwners owners = new RecordOwners(Set.of("O1"), Map.of(), Map.of());
        Set<String> touched = ingest.write(store.id(), new RecordBatch().add(second), oneImport, owners);
        ingest.write(store.id(), new RecordBatch().add(third), oneImport, owners);
        assertThat(told)
                .extracting(written -> written.changes().get(0))
                .containsExactly(new OrderChange(first, second), new OrderChange(second, third));
        assertThat(touched).containsExactlyInAnyOrder("C1", "C2");
    }

    private static Cart cart(String id, String customer) {
        return new Cart(id, customer, Instant.parse("2024-02-01T00:00:00Z"), null, null, null, CartStatus.ABANDONED);
    }

    private static OrderLine line(String order, String product) {
        return new OrderLine(order, product, 1, Money.parse("10.00", Store.DEFAULT_CURRENCY));
    }
}
