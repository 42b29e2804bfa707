package io.basira.analytics.products;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A store's counted orders with their lines, as primitive columns (docs/products.md, "How it runs"): orders
 * grouped by customer row and sorted by day within a customer; each order's lines are its distinct products
 * in ascending product code, with the line revenue (quantity times unit price, minor units) summed per
 * product. Per order 12 bytes (customer row, store-local epoch day, first line); per line 12 bytes (product
 * code, revenue). Products and categories are dictionary-encoded: product codes {@code 0..productCount()-1},
 * category codes {@code 1..categoryCount()-1} with {@link #NO_CATEGORY} for a product without one.
 *
 * <p>Immutable and thread safe. {@link #between} keeps the dictionaries and customer rows, so a model trained
 * on an earlier part can be checked against a later one.
 */
public final class Baskets {

    /** Category code of a product without a category. */
    public static final int NO_CATEGORY = 0;

    private final String[] customerIds;
    private final String[] productIds;
    private final int[] productCategory;
    private final String[] categoryNames;
    private final int[] customerStart;
    private final int[] orderDay;
    private final int[] lineStart;
    private final int[] lineProduct;
    private final long[] lineRevenue;

    private Baskets(
            String[] customerIds,
            String[] productIds,
            int[] productCategory,
            String[] categoryNames,
            int[] customerStart,
            int[] orderDay,
            int[] lineStart,
            int[] lineProduct,
            long[] lineRevenue) {
        this.customerIds = customerIds;
        this.productIds = productIds;
        this.productCategory = productCategory;
        this.categoryNames = categoryNames;
        this.customerStart = customerStart;
        this.orderDay = orderDay;
        this.lineStart = lineStart;
        this.lineProduct = lineProduct;
        this.lineRevenue = lineRevenue;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int customerCount() {
        return customerIds.length;
    }

    public String customerId(int row) {
        return customerIds[row];
    }

    /** The row of a customer id; -1 when the id has no row. Linear: for single look-ups only. */
    public int customerRow(String id) {
        for (int c = 0; c < customerIds.length; c++) {
            if (customerIds[c].equals(id)) {
                return c;
            }
        }
        return -1;
    }

    public int productCount() {
        return productIds.length;
    }

    public String productId(int code) {
        return productIds[code];
    }

    /** The code of a product id; -1 when unknown. Linear: for single look-ups only. */
    public int productCode(String id) {
        for (int p = 0; p < productIds.length; p++) {
            if (productIds[p].equals(id)) {
                return p;
            }
        }
        return -1;
    }

    /** {@link #NO_CATEGORY} or a code of {@link #categoryName}. */
    public int category(int product) {
        return productCategory[product];
    }

    /** Category codes run {@code 1..categoryCount()-1}; code 0 is {@link #NO_CATEGORY}. */
    public int categoryCount() {
        return categoryNames.length;
    }

    public String categoryName(int code) {
        return categoryNames[code];
    }

    public int orderCount() {
        return orderDay.length;
    }

    public int lineCount() {
        return lineProduct.length;
    }

    /** The first order of customer {@code row}; its orders are {@code orderStart(row)..orderStart(row + 1)}. */
    public int orderStart(int row) {
        return customerStart[row];
    }

    public int day(int order) {
        return orderDay[order];
    }

    /** The first line of {@code order}; its lines are {@code lineStart(order)..lineStart(order + 1)}. */
    public int lineStart(int order) {
        return lineStart[order];
    }

    public int product(int line) {
        return lineProduct[line];
    }

    public long revenueMinor(int line) {
        return lineRevenue[line];
    }

    /** Bytes held by the order and line columns (the arrays' payload), for the bench's per-line figure. */
    public long bytes() {
        return orderDay.length * 8L + customerStart.length * 4L + lineProduct.length * 12L;
    }

    /** The orders on store-local days {@code from..to} (inclusive), with the same dictionaries and rows. */
    public Baskets between(int from, int to) {
        int n = customerIds.length;
        int[] cs = new int[n + 1];
        int orders = 0;
        int lines = 0;
        for (int o = 0; o < orderDay.length; o++) {
            if (orderDay[o] >= from && orderDay[o] <= to) {
                orders++;
                lines += lineStart[o + 1] - lineStart[o];
            }
        }
        int[] day = new int[orders];
        int[] ls = new int[orders + 1];
        int[] lp = new int[lines];
        long[] lr = new long[lines];
        int at = 0;
        int lineAt = 0;
        for (int c = 0; c < n; c++) {
            cs[c] = at;
            for (int o = customerStart[c]; o < customerStart[c + 1]; o++) {
                if (orderDay[o] >= from && orderDay[o] <= to) {
                    int length = lineStart[o + 1] - lineStart[o];
                    System.arraycopy(lineProduct, lineStart[o], lp, lineAt, length);
                    System.arraycopy(lineRevenue, lineStart[o], lr, lineAt, length);
                    day[at] = orderDay[o];
                    ls[at] = lineAt;
                    lineAt += length;
                    at++;
                }
            }
        }
        cs[n] = at;
        ls[orders] = lineAt;
        return new Baskets(customerIds, productIds, productCategory, categoryNames, cs, day, ls, lp, lr);
    }

    /**
     * Collects customers, products and order lines. Lines of one order may name a product twice (their revenue
     * is summed) and come in any order; orders of a customer may come in any order. Not thread safe.
     */
    public static final class Builder {

        private final Map<String, Integer> customers = new HashMap<>();
        private final Map<String, Integer> products = new HashMap<>();
        private final Map<String, Integer> categories = new HashMap<>();
        private String[] customerIds = new String[16];
        private String[] productIds = new String[16];
        private int[] productCategory = new int[16];
        private String[] categoryNames = new String[] {null};
        private int customerCount;
        private int productCount;
        private int categoryCount = 1;
        private int[] orderCustomer = new int[16];
        private int[] orderDay = new int[16];
        private int[] orderFirstLine = new int[17];
        private int orderCount = -1;
        private int[] lineProduct = new int[16];
        private long[] lineRevenue = new long[16];
        private int lineCount;

        private Builder() {}

        /** The row of a customer id, added when new. */
        public int customer(String id) {
            Integer row = customers.get(Objects.requireNonNull(id, "customer id"));
            if (row != null) {
                return row;
            }
            if (customerCount == customerIds.length) {
                customerIds = Arrays.copyOf(customerIds, customerCount * 2);
            }
            customerIds[customerCount] = id;
            customers.put(id, customerCount);
            return customerCount++;
        }

        /** The code of a product id, added when new; its category (null or blank: none) is set on first sight. */
        public int product(String id, String category) {
            Integer code = products.get(Objects.requireNonNull(id, "product id"));
            if (code != null) {
                return code;
            }
            if (productCount == productIds.length) {
                productIds = Arrays.copyOf(productIds, productCount * 2);
                productCategory = Arrays.copyOf(productCategory, productCount * 2);
            }
            productIds[productCount] = id;
            productCategory[productCount] =
                    category == null || category.isBlank() ? NO_CATEGORY : category(category.strip());
            products.put(id, productCount);
            return productCount++;
        }

        private int category(String name) {
            Integer code = categories.get(name);
            if (code == null) {
                code = categoryCount;
                if (categoryCount == categoryNames.length) {
                    categoryNames = Arrays.copyOf(categoryNames, categoryCount * 2);
                }
                categoryNames[categoryCount++] = name;
                categories.put(name, code);
            }
            return code;
        }

        /** Starts the next order of customer {@code row} on a store-local epoch day; its lines follow. */
        public Builder order(int row, long epochDay) {
            if (row < 0 || row >= customerCount) {
                throw new IllegalArgumentException("no customer row " + row);
            }
            orderCount++;
            if (orderCount == orderDay.length) {
                orderCustomer = Arrays.copyOf(orderCustomer, orderCount * 2);
                orderDay = Arrays.copyOf(orderDay, orderCount * 2);
                orderFirstLine = Arrays.copyOf(orderFirstLine, orderCount * 2 + 1);
            }
            orderCustomer[orderCount] = row;
            orderDay[orderCount] = Math.toIntExact(epochDay);
            orderFirstLine[orderCount] = lineCount;
            return this;
        }

        /** A line of the current order: a product code and the line's revenue in minor units (&gt;= 0). */
        public Builder line(int product, long revenueMinor) {
            if (orderCount < 0) {
                throw new IllegalStateException("a line before any order");
            }
            if (product < 0 || product >= productCount) {
                throw new IllegalArgumentException("no product code " + product);
            }
            if (revenueMinor < 0) {
                throw new IllegalArgumentException(
                        "line of product " + productIds[product] + " has a negative revenue");
            }
            if (lineCount == lineProduct.length) {
                lineProduct = Arrays.copyOf(lineProduct, lineCount * 2);
                lineRevenue = Arrays.copyOf(lineRevenue, lineCount * 2);
            }
            lineProduct[lineCount] = product;
            lineRevenue[lineCount] = revenueMinor;
            lineCount++;
            return this;
        }

        public Baskets build() {
            int orders = orderCount + 1;
            orderFirstLine[orders] = lineCount;
            // orders by (customer, day, arrival): a counting sort by customer, then by day within each customer
            int[] sorted = sortedOrders(orders);
            int[] cs = new int[customerCount + 1];
            for (int o = 0; o < orders; o++) {
                cs[orderCustomer[o] + 1]++;
            }
            for (int c = 0; c < customerCount; c++) {
                cs[c + 1] += cs[c];
            }
            int[] day = new int[orders];
            int[] ls = new int[orders + 1];
            int[] lp = new int[lineCount];
            long[] lr = new long[lineCount];
            int lineAt = 0;
            for (int i = 0; i < orders; i++) {
                int o = sorted[i];
                day[i] = orderDay[o];
                ls[i] = lineAt;
                int from = orderFirstLine[o];
                int to = orderFirstLine[o + 1];
                long[] packed = new long[to - from];
                for (int l = from; l < to; l++) {
                    packed[l - from] = ((long) lineProduct[l] << 32) | (l - from);
                }
                Arrays.sort(packed);
                int last = -1;
                for (long p : packed) {
                    int product = (int) (p >>> 32);
                    long revenue = lineRevenue[from + (int) p];
                    if (product == last) {
                        lr[lineAt - 1] = Math.addExact(lr[lineAt - 1], revenue);
                    } else {
                        lp[lineAt] = product;
                        lr[lineAt] = revenue;
                        lineAt++;
                        last = product;
                    }
                }
            }
            ls[orders] = lineAt;
            return new Baskets(
                    Arrays.copyOf(customerIds, customerCount),
                    Arrays.copyOf(productIds, productCount),
                    Arrays.copyOf(productCategory, productCount),
                    Arrays.copyOf(categoryNames, categoryCount),
                    cs,
                    day,
                    ls,
                    Arrays.copyOf(lp, lineAt),
                    Arrays.copyOf(lr, lineAt));
        }

        /** Order indexes by customer row, then day, then arrival (stable). */
        private int[] sortedOrders(int orders) {
            long[] keys = new long[orders];
            int minDay = Integer.MAX_VALUE;
            for (int o = 0; o < orders; o++) {
                minDay = Math.min(minDay, orderDay[o]);
            }
            int[] counts = new int[customerCount + 1];
            for (int o = 0; o < orders; o++) {
                counts[orderCustomer[o] + 1]++;
            }
            for (int c = 0; c < customerCount; c++) {
                counts[c + 1] += counts[c];
            }
            int[] byCustomer = new int[orders];
            int[] fill = Arrays.copyOf(counts, customerCount);
            for (int o = 0; o < orders; o++) {
                byCustomer[fill[orderCustomer[o]]++] = o;
            }
            for (int c = 0; c < customerCount; c++) {
                int from = counts[c];
                int to = counts[c + 1];
                if (to - from < 2) {
                    continue;
                }
                for (int i = from; i < to; i++) {
                    int o = byCustomer[i];
                    keys[i] = ((long) (orderDay[o] - minDay) << 32) | o;
                }
                Arrays.sort(keys, from, to);
                for (int i = from; i < to; i++) {
                    byCustomer[i] = (int) keys[i];
                }
            }
            return byCustomer;
        }
    }
}
