package io.basira.card;

import static io.basira.commerce.OrderStatus.CANCELLED;
import static io.basira.commerce.OrderStatus.COMPLETED;
import static io.basira.commerce.OrderStatus.PENDING;
import static io.basira.commerce.OrderStatus.PROCESSING;
import static io.basira.commerce.OrderStatus.QUOTATION;
import static io.basira.commerce.OrderStatus.RETURNED;
import static io.basira.fixtures.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.basira.commerce.Cart;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Review;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CardAccumulatorTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Test
    void a_customer_without_records_has_an_empty_card() {
        CustomerCard card = new CardAccumulator().card();
        assertThat(card).isEqualTo(CustomerCard.EMPTY);
        assertThat(card.averageOrderValue(2)).isEqualByComparingTo("0.00");
        assertThat(card.discountShare()).isNull();
        assertThat(card.daysSinceLastPurchase(LocalDate.of(2024, 1, 1), RIYADH)).isNull();
    }

    @Test
    void quotation_orders_do_not_count_towards_anything() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("Q").status(QUOTATION).total("500.00").build())
                .card();
        assertThat(card).isEqualTo(CustomerCard.EMPTY);
    }

    @Test
    void pending_processing_and_completed_orders_count_and_sum() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").status(PENDING).total("10.00").build())
                .add(anOrder("B").status(PROCESSING).total("20.50").build())
                .add(anOrder("C").status(COMPLETED).total("30.25").build())
                .card();
        assertThat(card.orderCount()).isEqualTo(3);
        assertThat(card.totalSpentMinor()).isEqualTo(6075);
    }

    @Test
    void cancelled_and_returned_orders_are_counted_apart_and_not_spent() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").status(CANCELLED).total("10.00").build())
                .add(anOrder("B").status(RETURNED).total("20.00").build())
                .add(anOrder("C").status(RETURNED).total("20.00").build())
                .card();
        assertThat(card.orderCount()).isZero();
        assertThat(card.totalSpentMinor()).isZero();
        assertThat(card.cancelledOrders()).isEqualTo(1);
        assertThat(card.returnedOrders()).isEqualTo(2);
        assertThat(card.firstOrderAt()).isNull();
        assertThat(card.lastPurchaseAt()).isNull();
    }

    @Test
    void average_order_value_rounds_half_up_to_two_decimals() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").total("0.01").build())
                .add(anOrder("B").total("0.00").build())
                .card();
        // 0.01 / 2 = 0.005 -> 0.01
        assertThat(card.averageOrderValue(2)).isEqualByComparingTo(new BigDecimal("0.01"));
        CustomerCard thirds = new CardAccumulator()
                .add(anOrder("A").total("10.00").build())
                .add(anOrder("B").total("10.00").build())
                .add(anOrder("C").total("0.00").build())
                .card();
        assertThat(thirds.averageOrderValue(2)).isEqualByComparingTo(new BigDecimal("6.67"));
    }

    @Test
    void last_purchase_is_the_latest_completed_order_only() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").status(COMPLETED).at("2024-01-01T10:00:00Z").build())
                .add(anOrder("B").status(PROCESSING).at("2024-02-01T10:00:00Z").build())
                .add(anOrder("C").status(COMPLETED).at("2024-01-15T10:00:00Z").build())
                .add(anOrder("D").status(CANCELLED).at("2024-03-01T10:00:00Z").build())
                .card();
        assertThat(card.lastPurchaseAt()).isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
    }

    @Test
    void first_order_is_the_earliest_counted_order() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").status(QUOTATION).at("2023-12-01T10:00:00Z").build())
                .add(anOrder("B").status(CANCELLED).at("2023-12-05T10:00:00Z").build())
                .add(anOrder("C").status(PENDING).at("2024-01-01T10:00:00Z").build())
                .add(anOrder("D").status(COMPLETED).at("2024-02-01T10:00:00Z").build())
                .card();
        assertThat(card.firstOrderAt()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @Test
    void the_fold_does_not_depend_on_the_order_of_records() {
        var a = anOrder("A")
                .status(COMPLETED)
                .at("2024-01-01T10:00:00Z")
                .total("5.00")
                .build();
        var b = anOrder("B")
                .status(COMPLETED)
                .at("2024-02-01T10:00:00Z")
                .total("7.00")
                .coupon("X")
                .build();
        var c = anOrder("C")
                .status(PENDING)
                .at("2023-02-01T10:00:00Z")
                .total("9.00")
                .build();
        assertThat(new CardAccumulator().add(a).add(b).add(c).card())
                .isEqualTo(new CardAccumulator().add(c).add(b).add(a).card());
    }

    @Test
    void abandoned_carts_count_only_carts_still_abandoned() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        CustomerCard card = new CardAccumulator()
                .add(new Cart("K1", "C1", at, null, null, null, CartStatus.ABANDONED))
                .add(new Cart("K2", "C1", at, null, null, null, CartStatus.RECOVERED))
                .add(new Cart("K3", "C1", at, null, null, null, CartStatus.CONVERTED))
                .add(new Cart("K4", "C1", at, null, null, null, CartStatus.OPEN))
                .add(new Cart("K5", "C1", at, null, null, null, CartStatus.ABANDONED))
                .card();
        assertThat(card.abandonedCarts()).isEqualTo(2);
    }

    @Test
    void store_rating_is_the_most_recent_rating_of_the_store_not_of_a_product() {
        CustomerCard card = new CardAccumulator()
                .add(new Review("R1", "C1", null, 2, Instant.parse("2024-01-01T00:00:00Z")))
                .add(new Review("R2", "C1", null, 5, Instant.parse("2024-03-01T00:00:00Z")))
                .add(new Review("R3", "C1", "P1", 1, Instant.parse("2024-04-01T00:00:00Z")))
                .add(new Review("R0", "C1", null, 3, Instant.parse("2024-02-01T00:00:00Z")))
                .card();
        assertThat(card.storeRating()).isEqualTo(5);
        assertThat(card.reviewsCount()).isEqualTo(4);
    }

    @Test
    void store_ratings_at_the_same_instant_are_decided_by_review_id() {
        Instant same = Instant.parse("2024-01-01T00:00:00Z");
        CustomerCard one = new CardAccumulator()
                .add(new Review("R1", "C1", null, 2, same))
                .add(new Review("R2", "C1", null, 4, same))
                .card();
        CustomerCard other = new CardAccumulator()
                .add(new Review("R2", "C1", null, 4, same))
                .add(new Review("R1", "C1", null, 2, same))
                .card();
        assertThat(one.storeRating()).isEqualTo(4).isEqualTo(other.storeRating());
    }

    @Test
    void a_customer_with_only_product_reviews_has_no_store_rating() {
        CustomerCard card = new CardAccumulator()
                .add(new Review("R1", "C1", "P1", 5, Instant.parse("2024-01-01T00:00:00Z")))
                .card();
        assertThat(card.storeRating()).isNull();
        assertThat(card.reviewsCount()).isEqualTo(1);
    }

    @Test
    void discount_share_counts_counted_orders_with_a_coupon_or_a_discount() {
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").coupon("RAMADAN20").build())
                .add(anOrder("B").discount("5.00").build())
                .add(anOrder("C").build())
                .add(anOrder("D").status(CANCELLED).coupon("X").build())
                .add(anOrder("E").status(QUOTATION).coupon("X").build())
                .card();
        assertThat(card.orderCount()).isEqualTo(3);
        assertThat(card.discountShare()).isEqualByComparingTo("0.6667");
    }

    @Test
    void days_since_last_purchase_counts_calendar_days_in_the_store_time_zone() {
        // 23:30 in Riyadh on 1 March is 20:30 UTC the same day
        CustomerCard card = new CardAccumulator()
                .add(anOrder("A").at("2024-03-01T20:30:00Z").build())
                .card();
        LocalDate secondOfMarch = LocalDate.of(2024, 3, 2);
        assertThat(card.daysSinceLastPurchase(secondOfMarch, RIYADH)).isEqualTo(1);
        assertThat(card.daysSinceLastPurchase(LocalDate.of(2024, 3, 1), RIYADH)).isZero();
        // 00:10 in Riyadh on 2 March is 21:10 UTC on 1 March: a different day in Riyadh, the same in UTC
        CustomerCard afterMidnight = new CardAccumulator()
                .add(anOrder("B").at("2024-03-01T21:10:00Z").build())
                .card();
        assertThat(afterMidnight.daysSinceLastPurchase(secondOfMarch, RIYADH)).isZero();
        assertThat(afterMidnight.daysSinceLastPurchase(secondOfMarch, ZoneOffset.UTC))
                .isEqualTo(1);
    }

    @Test
    void wishlist_items_are_counted() {
        assertThat(new CardAccumulator()
                        .addWishlistItem()
                        .addWishlistItem()
                        .card()
                        .wishlistCount())
                .isEqualTo(2);
    }

    @Test
    void a_stored_card_takes_an_order_out_and_another_in_exactly_when_no_date_extreme_leaves() {
        var early = anOrder("E")
                .status(COMPLETED)
                .total("10.00")
                .at("2024-03-01T10:00:00Z")
                .build();
        var middle = anOrder("M")
                .status(COMPLETED)
                .total("20.00")
                .discount("1.00")
                .at("2024-03-05T10:00:00Z")
                .build();
        var late = anOrder("L")
                .status(COMPLETED)
                .total("40.00")
                .at("2024-03-09T10:00:00Z")
                .build();
        CustomerCard stored =
                new CardAccumulator().add(early).add(middle).add(late).card();
        var middleCancelled = anOrder("M")
                .status(CANCELLED)
                .total("20.00")
                .discount("1.00")
                .at("2024-03-05T10:00:00Z")
                .build();

        CardAccumulator fold = CardAccumulator.from(stored).retract(middle).add(middleCancelled);

        assertThat(fold.isExact()).isTrue();
        assertThat(fold.card())
                .isEqualTo(new CardAccumulator()
                        .add(early)
                        .add(middleCancelled)
                        .add(late)
                        .card());
    }

    @Test
    void taking_out_the_order_that_held_a_date_leaves_the_card_inexact() {
        var early = anOrder("E")
                .status(COMPLETED)
                .total("10.00")
                .at("2024-03-01T10:00:00Z")
                .build();
        var late = anOrder("L")
                .status(COMPLETED)
                .total("40.00")
                .at("2024-03-09T10:00:00Z")
                .build();
        CustomerCard stored = new CardAccumulator().add(early).add(late).card();

        assertThat(CardAccumulator.from(stored).retract(late).isExact())
                .as("the latest purchase")
                .isFalse();
        assertThat(CardAccumulator.from(stored).retract(early).isExact())
                .as("the first order")
                .isFalse();
        assertThat(CardAccumulator.from(stored)
                        .retract(anOrder("X").status(RETURNED).build())
                        .isExact())
                .as("an order the card does not hold")
                .isFalse();
    }

    @Test
    void taking_out_the_last_counted_order_clears_the_first_order_date_exactly() {
        var pending = anOrder("P")
                .status(PENDING)
                .total("10.00")
                .at("2024-03-01T10:00:00Z")
                .build();
        CardAccumulator fold =
                CardAccumulator.from(new CardAccumulator().add(pending).card()).retract(pending);

        assertThat(fold.isExact()).isTrue();
        assertThat(fold.card()).isEqualTo(CustomerCard.EMPTY);
    }

    @Test
    void a_review_is_never_folded_into_a_stored_card() {
        CardAccumulator fold = CardAccumulator.from(CustomerCard.EMPTY);
        assertThatIllegalStateException()
                .isThrownBy(() -> fold.addReview("R1", true, 5, Instant.parse("2024-03-01T10:00:00Z")));
    }
}
