package io.basira.analytics;

import io.basira.commerce.OrderStatus;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the analyses read about one store, as primitive columns (docs/analytics.md, "How the analyses
 * run"): its customers (one row each) and its orders, grouped by customer row and sorted by day within a
 * customer, so that every analysis is a scan over arrays.
 *
 * <p>Per order (about 17 bytes): the store-local epoch day ({@code int}), the total in minor units
 * ({@code long}), the status and discount flag (one {@code byte}) and a category code ({@code int}:
 * {@link #NO_CATEGORY}, the code of the one product category of its lines, or {@link #MIXED_CATEGORIES}
 * when its lines have several; the analyses only ask whether a buyer bought in exactly one category). The
 * order's customer is its position: customer row {@code c} owns the orders {@code start[c]..start[c+1]}.
 * Per customer: the id, the signup day, the place as sent, and the whole-history aggregate "first
 * counted day", which answers "first counted order up to any day" for every window.
 *
 * <p>Rows {@code 0..customerCount()-1} are the store's customers, in the order given; rows after them are
 * ids that only appear in orders (kept, as the analyses always did, after the known ones). Immutable and
 * thread safe; {@link #toBuilder()} makes the next version, copying untouched customers' orders in runs.
 */
public final class StoreFacts {

    /** Category code of an order whose lines carry no category. */
    public static final int NO_CATEGORY = 0;
    /** Category code of an order whose lines carry more than one category. */
    public static final int MIXED_CATEGORIES = -1;
    /** {@link #firstCountedDay} of a customer without a counted order. */
    public static final int NONE = Integer.MAX_VALUE;

    static final int STATUS_MASK = 0x0F;
    static final int DISCOUNTED = 0x10;
    private static final OrderStatus[] STATUSES = OrderStatus.values();

    private final ZoneId zone;
    private final Currency currency;
    private final String[] ids;
    private final int known;
    private final int[] signupDay;
    private final String[] city;
    private final String[] region;
    private final String[] country;
    private final int[] start;
    private final int[] day;
    private final long[] total;
    private final byte[] flags;
    private final int[] category;
    private final String[] categoryNames;
    private final int[] firstCounted;
    private volatile int[] byId;
    private volatile int[] months;
    private int firstDay;

    /** The store from records (tests, small callers): customers in this order, then the orders' unknown ids. */
    public StoreFacts(ZoneId zone, Currency currency, List<CustomerFact> customers, List<OrderFact> orders) {
        this(build(zone, currency, customers, orders));
    }

    private StoreFacts(StoreFacts built) {
        this(
                built.zone,
                built.currency,
                built.ids,
                built.known,
                built.signupDay,
                built.city,
                built.region,
                built.country,
                built.start,
                built.day,
                built.total,
                built.flags,
                built.category,
                built.categoryNames,
                built.byId);
    }

    private StoreFacts(
            ZoneId zone,
            Currency currency,
            String[] ids,
            int known,
            int[] signupDay,
            String[] city,
            String[] region,
            String[] country,
            int[] start,
            int[] day,
            long[] total,
            byte[] flags,
            int[] category,
            String[] categoryNames,
            int[] byId) {
        this.zone = zone;
        this.currency = currency;
        this.ids = ids;
        this.known = known;
        this.signupDay = signupDay;
        this.city = city;
        this.region = region;
        this.country = country;
        this.start = start;
        this.day = day;
        this.total = total;
        this.flags = flags;
        this.category = category;
        this.categoryNames = categoryNames;
        this.byId = byId;
        this.firstCounted = new int[ids.length];
        for (int c = 0; c < ids.length; c++) {
            int first = NONE;
            for (int o = start[c]; o < start[c + 1]; o++) {
                if (counted(o)) {
                    first = day[o];
                    break;
                }
            }
            firstCounted[c] = first;
        }
    }

    private static StoreFacts build(
            ZoneId zone, Currency currency, List<CustomerFact> customers, List<OrderFact> orders) {
        Builder b = builder(zone, currency);
        for (CustomerFact c : customers) {
            b.customer(c.customerId(), c.city(), c.region(), c.country(), Dates.dateIn(c.createdAt(), zone));
        }
        for (OrderFact o : orders) {
            b.order(
                    b.row(o.customerId()),
                    Dates.dateIn(o.createdAt(), zone).toEpochDay(),
                    o.status(),
                    o.totalMinor(),
                    o.discounted(),
                    b.categoryCode(o.categories()));
        }
        return b.build();
    }

    public static Builder builder(ZoneId zone, Currency currency) {
        return new Builder(zone, currency, null);
    }

    /** A builder holding this version: replace some customers' orders, add customers, then build the next. */
    public Builder toBuilder() {
        return new Builder(zone, currency, this);
    }

    public ZoneId zone() {
        return zone;
    }

    public Currency currency() {
        return currency;
    }

    /** The store's customers (rows {@code 0..customerCount()-1}). */
    public int customerCount() {
        return known;
    }

    /** Customer rows including ids that appear only in orders. */
    public int rows() {
        return ids.length;
    }

    public String customerId(int row) {
        return ids[row];
    }

    public String city(int row) {
        return city[row];
    }

    public String region(int row) {
        return region[row];
    }

    public String country(int row) {
        return country[row];
    }

    /** The store-local epoch day the customer signed up (known customers only). */
    public int signupDay(int row) {
        return signupDay[row];
    }

    /** The first store-local epoch day with a counted order of this customer, over the whole history; {@link #NONE}. */
    public int firstCountedDay(int row) {
        return firstCounted[row];
    }

    /** Orders of all customers. */
    public int orderCount() {
        return day.length;
    }

    /** The first order of customer {@code row}; its orders are {@code orderStart(row)..orderStart(row + 1)}, by day. */
    public int orderStart(int row) {
        return start[row];
    }

    public int day(int order) {
        return day[order];
    }

    public long totalMinor(int order) {
        return total[order];
    }

    public OrderStatus status(int order) {
        return STATUSES[flags[order] & STATUS_MASK];
    }

    /** Pending, processing or completed: the statuses the analyses count. */
    public boolean counted(int order) {
        return STATUSES[flags[order] & STATUS_MASK].isCounted();
    }

    public boolean discounted(int order) {
        return (flags[order] & DISCOUNTED) != 0;
    }

    /** {@link #NO_CATEGORY}, {@link #MIXED_CATEGORIES} or a code of {@link #categoryName}. */
    public int category(int order) {
        return category[order];
    }

    public String categoryName(int code) {
        return categoryNames[code];
    }

    /** The rows in the order of their ids ({@link String#compareTo}); computed once per version. */
    public int[] rowsById() {
        int[] order = byId;
        if (order == null) {
            Integer[] boxed = new Integer[ids.length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> ids[a].compareTo(ids[b]));
            order = new int[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                order[i] = boxed[i];
            }
            byId = order;
        }
        return order.clone();
    }

    /**
     * The calendar month of a store-local epoch day as {@code year * 12 + month - 1}, from a table over the
     * days the orders span (built once per version).
     */
    int month(int epochDay) {
        int[] table = months;
        if (table == null) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int d : day) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            if (min > max) {
                min = max = 0;
            }
            table = new int[max - min + 1];
            for (int d = min; d <= max; d++) {
                table[d - min] = monthOf(LocalDate.ofEpochDay(d));
            }
            firstDay = min;
            months = table;
        }
        int i = epochDay - firstDay;
        return i >= 0 && i < table.length ? table[i] : monthOf(LocalDate.ofEpochDay(epochDay));
    }

    static int monthOf(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /** Bytes held by the order columns (the arrays' payload), for the bench's per-order figure. */
    public long orderBytes() {
        return day.length * (4L + 8 + 1 + 4) + start.length * 4L + firstCounted.length * 4L;
    }

    /** Minor units as a decimal in the currency's major unit ({@code 15050 -> 150.50}). */
    public BigDecimal money(long minor) {
        return Money.ofMinor(minor, currency).toDecimal();
    }

    /** The mean of {@code totalMinor} over {@code count}, in the major unit, rounded half-up; null when count is 0. */
    public BigDecimal average(long totalMinor, long count) {
        if (count == 0) {
            return null;
        }
        int digits = Money.fractionDigits(currency);
        return BigDecimal.valueOf(totalMinor)
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                .movePointLeft(digits);
    }

    /**
     * Each row's counted orders in the window's period, summed: what most analyses start from. A buyer has
     * {@code orders[row] > 0}; {@code firstDay}/{@code lastDay} are her first and last purchase days in the
     * period.
     */
    Window window(AnalysisWindow window) {
        int end = (int) window.end().toEpochDay();
        int from = window.start().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
        return window(from, end);
    }

    Window window(int from, int end) {
        int n = ids.length;
        Window w = new Window(new int[n], new long[n], new int[n], new int[n], new int[n], new long[n]);
        for (int c = 0; c < n; c++) {
            if (firstCounted[c] > end) {
                continue;
            }
            int count = 0;
            long spend = 0;
            int discountedOrders = 0;
            long discountedSpend = 0;
            int first = 0;
            int last = 0;
            for (int o = start[c], e = start[c + 1]; o < e; o++) {
                int d = day[o];
                if (d > end) {
                    break;
                }
                if (d >= from && counted(o)) {
                    if (count == 0) {
                        first = d;
                    }
                    last = d;
                    count++;
                    spend += total[o];
                    if ((flags[o] & DISCOUNTED) != 0) {
                        discountedOrders++;
                        discountedSpend += total[o];
                    }
                }
            }
            w.orders[c] = count;
            w.spend[c] = spend;
            w.firstDay[c] = first;
            w.lastDay[c] = last;
            w.discountedOrders[c] = discountedOrders;
            w.discountedSpend[c] = discountedSpend;
        }
        return w;
    }

    /** Receives each buyer of a window: her row, counted orders in the period and their total (minor units). */
    @FunctionalInterface
    public interface BuyerSink {
        void buyer(int row, int orders, long totalMinor);
    }

    /** Calls {@code sink} for every row with a counted order in the window's period, in row order. */
    public void buyersIn(AnalysisWindow window, BuyerSink sink) {
        Window w = window(window);
        for (int c = 0; c < ids.length; c++) {
            if (w.orders[c] > 0) {
                sink.buyer(c, w.orders[c], w.spend[c]);
            }
        }
    }

    /** Per-row sums of one window; see {@link #window(AnalysisWindow)}. */
    record Window(
            int[] orders, long[] spend, int[] firstDay, int[] lastDay, int[] discountedOrders, long[] discountedSpend) {

        int buyers() {
            int n = 0;
            for (int v : orders) {
                n += v > 0 ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Collects rows and orders into the next {@link StoreFacts}. Not thread safe. From a previous version
     * ({@link StoreFacts#toBuilder()}) the rows keep their numbers, {@link #replaceOrders} drops a row's
     * orders before its fresh ones are added, and new customers go where {@link #sortRowsById} (or the end)
     * puts them.
     */
    public static final class Builder {

        private final ZoneId zone;
        private final Currency currency;
        private final StoreFacts base;
        private final Map<String, Integer> rows = new HashMap<>();
        private final Map<String, Integer> categories = new HashMap<>();
        private String[] categoryNames;
        private int categoryCount;
        private String[] ids;
        private int[] signupDay;
        private String[] city;
        private String[] region;
        private String[] country;
        private boolean[] isKnown;
        private int rowCount;
        private final BitSet replaced = new BitSet();
        private boolean sortById;
        private int[] orderRow = new int[16];
        private int[] day = new int[16];
        private long[] total = new long[16];
        private byte[] flags = new byte[16];
        private int[] category = new int[16];
        private int orderCount;

        private Builder(ZoneId zone, Currency currency, StoreFacts base) {
            this.zone = Objects.requireNonNull(zone, "zone");
            this.currency = Objects.requireNonNull(currency, "currency");
            this.base = base;
            int n = base == null ? 0 : base.ids.length;
            int capacity = Math.max(16, n);
            ids = new String[capacity];
            signupDay = new int[capacity];
            city = new String[capacity];
            region = new String[capacity];
            country = new String[capacity];
            isKnown = new boolean[capacity];
            categoryNames = base == null ? new String[] {null} : base.categoryNames.clone();
            categoryCount = categoryNames.length;
            for (int k = 1; k < categoryCount; k++) {
                categories.put(categoryNames[k], k);
            }
            if (base != null) {
                System.arraycopy(base.ids, 0, ids, 0, n);
                System.arraycopy(base.signupDay, 0, signupDay, 0, n);
                System.arraycopy(base.city, 0, city, 0, n);
                System.arraycopy(base.region, 0, region, 0, n);
                System.arraycopy(base.country, 0, country, 0, n);
                Arrays.fill(isKnown, 0, base.known, true);
                for (int c = 0; c < n; c++) {
                    rows.put(ids[c], c);
                }
                rowCount = n;
            }
        }

        /** Adds a customer, or replaces the attributes of a known one; returns its row. */
        public int customer(String id, String city, String region, String country, LocalDate signup) {
            Objects.requireNonNull(id, "customer id");
            Integer existing = rows.get(id);
            int row = existing == null ? newRow(id) : existing;
            if (existing != null && !isKnown[row] && base != null && row < base.ids.length) {
                throw new IllegalStateException("customer " + id + " was only known from orders; reload the store");
            }
            isKnown[row] = true;
            this.signupDay[row] = (int) Objects.requireNonNull(signup, () -> "customer " + id + " has no created_at")
                    .toEpochDay();
            this.city[row] = city;
            this.region[row] = region;
            this.country[row] = country;
            return row;
        }

        /** The row of an id, created (as an id known only from orders) when new. */
        public int row(String id) {
            Integer row = rows.get(Objects.requireNonNull(id, "customer id"));
            return row == null ? newRow(id) : row;
        }

        /** Whether the id has a row. */
        public boolean has(String id) {
            return rows.containsKey(id);
        }

        /** Drops the orders the previous version held for this id (its fresh ones are added next); returns its row. */
        public int replaceOrders(String id) {
            int row = row(id);
            replaced.set(row);
            return row;
        }

        /** Numbers the rows in id order ({@link String#compareTo}) when built, as a fresh load does. */
        public Builder sortRowsById() {
            sortById = true;
            return this;
        }

        /** The code of a category name (dictionary-encoded; codes start at 1). */
        public int categoryCode(String name) {
            Integer code = categories.get(Objects.requireNonNull(name, "category"));
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

        /** The code of an order with these line categories: none, one, or mixed. */
        public int categoryCode(Set<String> names) {
            return names.isEmpty()
                    ? NO_CATEGORY
                    : names.size() > 1
                            ? MIXED_CATEGORIES
                            : categoryCode(names.iterator().next());
        }

        /** Adds one order of customer {@code row} on the store-local {@code epochDay}. */
        public void order(
                int row, long epochDay, OrderStatus status, long totalMinor, boolean discounted, int categoryCode) {
            if (row < 0 || row >= rowCount) {
                throw new IllegalArgumentException("no customer row " + row);
            }
            Objects.requireNonNull(status, () -> "order of customer " + ids[row] + " has no status");
            if (totalMinor < 0) {
                throw new IllegalArgumentException("order of customer " + ids[row] + " has a negative total");
            }
            if (base != null && row < base.ids.length && !replaced.get(row)) {
                throw new IllegalStateException("orders of customer " + ids[row] + " are added without replaceOrders");
            }
            if (orderCount == day.length) {
                int capacity = day.length + (day.length >> 1);
                orderRow = Arrays.copyOf(orderRow, capacity);
                day = Arrays.copyOf(day, capacity);
                total = Arrays.copyOf(total, capacity);
                flags = Arrays.copyOf(flags, capacity);
                category = Arrays.copyOf(category, capacity);
            }
            orderRow[orderCount] = row;
            day[orderCount] = Math.toIntExact(epochDay);
            total[orderCount] = totalMinor;
            flags[orderCount] = (byte) (status.ordinal() | (discounted ? DISCOUNTED : 0));
            category[orderCount] = categoryCode;
            orderCount++;
        }

        private int newRow(String id) {
            if (rowCount == ids.length) {
                int capacity = ids.length + (ids.length >> 1);
                ids = Arrays.copyOf(ids, capacity);
                signupDay = Arrays.copyOf(signupDay, capacity);
                city = Arrays.copyOf(city, capacity);
                region = Arrays.copyOf(region, capacity);
                country = Arrays.copyOf(country, capacity);
                isKnown = Arrays.copyOf(isKnown, capacity);
            }
            ids[rowCount] = id;
            rows.put(id, rowCount);
            return rowCount++;
        }

        public StoreFacts build() {
            int n = rowCount;
            int baseRows = base == null ? 0 : base.ids.length;
            // final row numbers: known customers first, then ids known only from orders; optionally by id
            Integer[] order = new Integer[n];
            for (int c = 0; c < n; c++) {
                order[c] = c;
            }
            if (sortById) {
                Arrays.sort(
                        order, (a, b) -> isKnown[a] != isKnown[b] ? (isKnown[a] ? -1 : 1) : ids[a].compareTo(ids[b]));
            } else {
                Arrays.sort(order, (a, b) -> isKnown[a] != isKnown[b] ? (isKnown[a] ? -1 : 1) : Integer.compare(a, b));
            }
            int[] newRowOf = new int[n];
            int knownCount = 0;
            for (int r = 0; r < n; r++) {
                newRowOf[order[r]] = r;
                knownCount += isKnown[order[r]] ? 1 : 0;
            }
            int[] counts = new int[n + 1];
            for (int c = 0; c < baseRows; c++) {
                if (!replaced.get(c)) {
                    counts[newRowOf[c]] += base.start[c + 1] - base.start[c];
                }
            }
            for (int o = 0; o < orderCount; o++) {
                counts[newRowOf[orderRow[o]]]++;
            }
            int[] start = new int[n + 1];
            for (int r = 0; r < n; r++) {
                start[r + 1] = start[r] + counts[r];
            }
            int size = start[n];
            int[] outDay = new int[size];
            long[] outTotal = new long[size];
            byte[] outFlags = new byte[size];
            int[] outCategory = new int[size];
            int[] fill = Arrays.copyOf(start, n);
            // untouched rows of the previous version: copied in runs of consecutive rows
            int c = 0;
            while (c < baseRows) {
                if (replaced.get(c)) {
                    c++;
                    continue;
                }
                int runStart = c;
                while (c + 1 < baseRows && !replaced.get(c + 1) && newRowOf[c + 1] == newRowOf[c] + 1) {
                    c++;
                }
                int from = base.start[runStart];
                int length = base.start[c + 1] - from;
                int to = start[newRowOf[runStart]];
                System.arraycopy(base.day, from, outDay, to, length);
                System.arraycopy(base.total, from, outTotal, to, length);
                System.arraycopy(base.flags, from, outFlags, to, length);
                System.arraycopy(base.category, from, outCategory, to, length);
                for (int k = runStart; k <= c; k++) {
                    fill[newRowOf[k]] = start[newRowOf[k] + 1];
                }
                c++;
            }
            BitSet unsorted = new BitSet(n);
            for (int o = 0; o < orderCount; o++) {
                int r = newRowOf[orderRow[o]];
                int at = fill[r]++;
                outDay[at] = day[o];
                outTotal[at] = total[o];
                outFlags[at] = flags[o];
                outCategory[at] = category[o];
                unsorted.set(r);
            }
            for (int r = unsorted.nextSetBit(0); r >= 0; r = unsorted.nextSetBit(r + 1)) {
                sortByDay(outDay, outTotal, outFlags, outCategory, start[r], start[r + 1]);
            }
            String[] outIds = new String[n];
            int[] outSignup = new int[n];
            String[] outCity = new String[n];
            String[] outRegion = new String[n];
            String[] outCountry = new String[n];
            for (int r = 0; r < n; r++) {
                int old = order[r];
                outIds[r] = ids[old];
                outSignup[r] = signupDay[old];
                outCity[r] = city[old];
                outRegion[r] = region[old];
                outCountry[r] = country[old];
            }
            int[] byId = null;
            if (sortById) {
                byId = new int[n];
                for (int r = 0; r < n; r++) {
                    byId[r] = r;
                }
                if (knownCount < n) {
                    byId = null;
                }
            }
            return new StoreFacts(
                    zone,
                    currency,
                    outIds,
                    knownCount,
                    outSignup,
                    outCity,
                    outRegion,
                    outCountry,
                    start,
                    outDay,
                    outTotal,
                    outFlags,
                    outCategory,
                    Arrays.copyOf(categoryNames, categoryCount),
                    byId);
        }

        /** Sorts one customer's orders by day, stably. */
        private static void sortByDay(int[] day, long[] total, byte[] flags, int[] category, int from, int to) {
            int length = to - from;
            if (length < 2) {
                return;
            }
            long[] keys = new long[length];
            for (int i = 0; i < length; i++) {
                keys[i] = ((long) day[from + i] << 32) | i;
            }
            Arrays.sort(keys);
            int[] d = Arrays.copyOfRange(day, from, to);
            long[] t = Arrays.copyOfRange(total, from, to);
            byte[] f = Arrays.copyOfRange(flags, from, to);
            int[] k = Arrays.copyOfRange(category, from, to);
            for (int i = 0; i < length; i++) {
                int src = (int) keys[i];
                day[from + i] = d[src];
                total[from + i] = t[src];
                flags[from + i] = f[src];
                category[from + i] = k[src];
            }
        }
    }
}
