package io.basira.bench;

import io.basira.analytics.products.Baskets;
import io.basira.analytics.products.NextProductEvaluation;
import io.basira.analytics.products.NextProducts;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next-product check on real data split by time (docs/products.md, "How good the next products are"):
 * train on the orders before {@code split}, test on the following three months, hit rate@10 and recall@10
 * of the co-occurrence model against the popularity baseline. Reads either the UCI Online Retail layout
 * ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}; cancellations,
 * lines without a customer and non-positive quantities left out) or the "Groceries dataset" layout
 * ({@code Member_number,Date,itemDescription,...}; one order per member and day). Run:
 * <pre>
 * ./mvnw -B -q -pl basira-core,basira-bench -am package -DskipTests
 * ./mvnw -B -q -pl basira-bench dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp basira-bench/target/classes:$(cat /tmp/cp.txt) io.basira.bench.NextProductsEvaluation \
 *     /path/Groceries_dataset.csv 2015-10-01 [k=10] [--repeat-share X] [--half-life DAYS] [--repeat-weight B] [--prior M]
 * </pre>
 */
public final class NextProductsEvaluation {

    private NextProductsEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        LocalDate split = LocalDate.parse(args[1]);
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        NextProducts.Options options = NextProducts.Options.DEFAULT;
        for (int i = 3; i + 1 < args.length; i += 2) {
            double v = Double.parseDouble(args[i + 1]);
            options = switch (args[i]) {
                case "--repeat-share" -> options.withRepeatShare(v);
                case "--half-life" -> options.withHalfLife(v);
                case "--repeat-weight" -> options.withRepeatWeight(v);
                case "--prior" -> options.withPrior(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            };
        }
        Baskets baskets = read(csv);
        System.out.printf(
                "%s: %,d customers, %,d products, %,d orders, %,d order lines%n",
                csv.getFileName(),
                baskets.customerCount(),
                baskets.productCount(),
                baskets.orderCount(),
                baskets.lineCount());
        int splitDay = (int) split.toEpochDay();
        int end = (int) split.plusMonths(3).minusDays(1).toEpochDay();
        long start = System.nanoTime();
        NextProductEvaluation.Result r = NextProductEvaluation.run(baskets, splitDay, end, options, k);
        System.out.printf(
                "train before %s (%,d orders), test %s..%s (%,d orders), %,d test customers, %.1f s%n",
                split,
                r.trainOrders(),
                split,
                split.plusMonths(3).minusDays(1),
                r.testOrders(),
                r.model().customers(),
                (System.nanoTime() - start) / 1e9);
        System.out.println(options);
        System.out.printf(
                "model:         hit rate@%d %.4f, recall@%d %.4f%n",
                k, r.model().hitRate(), k, r.model().recall());
        System.out.printf(
                "popularity:    hit rate@%d %.4f, recall@%d %.4f (same already-bought rule)%n",
                k, r.popularity().hitRate(), k, r.popularity().recall());
        System.out.printf(
                "most bought:   hit rate@%d %.4f, recall@%d %.4f (nothing left out)%n",
                k, r.mostBought().hitRate(), k, r.mostBought().recall());
        lead("popularity", r.overPopularity());
        lead("most bought", r.overMostBought());
    }

    private static void lead(String name, NextProductEvaluation.Lead l) {
        System.out.printf(
                "model - %s: hit rate %+.4f (se %.4f), recall %+.4f (se %.4f)%n",
                name, l.hitRate(), l.hitRateError(), l.recall(), l.recallError());
    }

    public static Baskets read(Path csv) throws Exception {
        if (Files.isDirectory(csv)) {
            return canonical(csv);
        }
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(csv + " is empty");
            }
            return header.startsWith("Member_number") ? groceries(in) : onlineRetail(in, header);
        }
    }

    /**
     * A canonical import folder (docs/import.md): {@code orders.csv} and {@code order_items.csv}; counted orders
     * only (pending, processing, completed), the day of {@code created_at} in UTC, line revenue in minor units.
     */
    private static Baskets canonical(Path folder) throws Exception {
        Map<String, List<String[]>> lines = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve("order_items.csv"), StandardCharsets.UTF_8)) {
            List<String> columns = List.of(split(in.readLine()));
            int order = columns.indexOf("order_id");
            int product = columns.indexOf("product_id");
            int quantity = columns.indexOf("quantity");
            int price = columns.indexOf("unit_price");
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = split(line);
                lines.computeIfAbsent(f[order], x -> new ArrayList<>())
                        .add(new String[] {f[product], f[quantity], f[price]});
            }
        }
        Baskets.Builder b = Baskets.builder();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve("orders.csv"), StandardCharsets.UTF_8)) {
            List<String> columns = List.of(split(in.readLine()));
            int order = columns.indexOf("order_id");
            int customer = columns.indexOf("customer_id");
            int created = columns.indexOf("created_at");
            int status = columns.indexOf("status");
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = split(line);
                String s = f[status].toLowerCase(java.util.Locale.ROOT);
                List<String[]> items = lines.get(f[order]);
                if (items == null || !(s.equals("pending") || s.equals("processing") || s.equals("completed"))) {
                    continue;
                }
                long day = java.time.OffsetDateTime.parse(f[created])
                        .atZoneSameInstant(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .toEpochDay();
                b.order(b.customer(f[customer]), day);
                for (String[] item : items) {
                    long revenue = new BigDecimal(item[2])
                            .movePointRight(2)
                            .multiply(new BigDecimal(item[1]))
                            .setScale(0, java.math.RoundingMode.HALF_UP)
                            .longValueExact();
                    b.line(b.product(item[0], null), revenue);
                }
            }
        }
        return b.build();
    }

    private static Baskets groceries(BufferedReader in) throws Exception {
        Map<String, List<String>> orders = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split(",", -1);
            if (f.length < 3) {
                continue;
            }
            orders.computeIfAbsent(f[0] + "," + f[1], x -> new ArrayList<>()).add(f[2]);
        }
        Baskets.Builder b = Baskets.builder();
        for (Map.Entry<String, List<String>> e : orders.entrySet()) {
            String[] key = e.getKey().split(",");
            b.order(b.customer(key[0]), day(key[1]));
            for (String item : e.getValue()) {
                b.line(b.product(item, null), 1);
            }
        }
        return b.build();
    }

    private static long day(String text) {
        if (text.length() == 10 && text.charAt(4) == '-') {
            return LocalDate.parse(text).toEpochDay();
        }
        return LocalDate.parse(text, DateTimeFormatter.ofPattern("dd-MM-yyyy")).toEpochDay();
    }

    private static Baskets onlineRetail(BufferedReader in, String header) throws Exception {
        List<String> columns = List.of(split(header));
        int invoice = columns.indexOf("InvoiceNo") >= 0 ? columns.indexOf("InvoiceNo") : columns.indexOf("Invoice");
        int stock = columns.indexOf("StockCode");
        int quantity = columns.indexOf("Quantity");
        int date = columns.indexOf("InvoiceDate");
        int price = columns.indexOf("UnitPrice") >= 0 ? columns.indexOf("UnitPrice") : columns.indexOf("Price");
        int customer =
                columns.indexOf("CustomerID") >= 0 ? columns.indexOf("CustomerID") : columns.indexOf("Customer ID");
        Map<String, List<String[]>> orders = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = split(line);
            if (f.length <= customer
                    || f[customer].isBlank()
                    || f[customer].equals("NA")
                    || f[invoice].startsWith("C")
                    || Integer.parseInt(f[quantity]) <= 0) {
                continue;
            }
            orders.computeIfAbsent(f[invoice], x -> new ArrayList<>()).add(f);
        }
        Baskets.Builder b = Baskets.builder();
        for (List<String[]> lines : orders.values()) {
            String[] first = lines.get(0);
            b.order(b.customer(first[customer].replace(".0", "")), retailDay(first[date]));
            for (String[] f : lines) {
                long revenue = new BigDecimal(f[price])
                        .movePointRight(2)
                        .multiply(new BigDecimal(f[quantity]))
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact();
                b.line(b.product(f[stock], null), Math.max(0, revenue));
            }
        }
        return b.build();
    }

    private static long retailDay(String text) {
        String d = text.split(" ")[0];
        if (d.contains("-")) {
            return LocalDate.parse(d).toEpochDay();
        }
        String[] p = d.split("/");
        int year = Integer.parseInt(p[2]);
        return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(p[0]), Integer.parseInt(p[1]))
                .toEpochDay();
    }

    /** Splits one CSV line with double-quoted fields. */
    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out.toArray(String[]::new);
    }
}
