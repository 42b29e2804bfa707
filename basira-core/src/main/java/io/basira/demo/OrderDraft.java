package io.basira.demo;

import java.util.List;

/**
 * The content of one demo order: its lines, the discount and the coupon. Totals are consistent by
 * construction: {@code total = subtotal - discount}, {@code 0 <= discount <= subtotal}, where the
 * subtotal is the sum of unit price x quantity over the lines. MinorUnits in minor units.
 *
 * @param coupon the coupon code, or null (a discount without a coupon is an automatic promotion)
 */
record OrderDraft(List<Line> lines, long discount, String coupon) {

    /** A line: a product, how many, and the unit price paid (may be below the catalogue price). */
    record Line(Assortment.Item product, int quantity, long unitPriceMinor) {
        Line {
            if (quantity < 1 || unitPriceMinor < 0) {
                throw new IllegalArgumentException("quantity " + quantity + ", unit price " + unitPriceMinor);
            }
        }

        long amount() {
            return Math.multiplyExact(unitPriceMinor, quantity);
        }
    }

    OrderDraft {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        long subtotal = subtotalOf(lines);
        if (discount < 0 || discount > subtotal) {
            throw new IllegalArgumentException("discount " + discount + " outside 0.." + subtotal);
        }
    }

    long subtotal() {
        return subtotalOf(lines);
    }

    long total() {
        return subtotal() - discount;
    }

    int itemCount() {
        int count = 0;
        for (Line line : lines) {
            count += line.quantity();
        }
        return count;
    }

    private static long subtotalOf(List<Line> lines) {
        long sum = 0;
        for (Line line : lines) {
            sum = Math.addExact(sum, line.amount());
        }
        return sum;
    }
}
