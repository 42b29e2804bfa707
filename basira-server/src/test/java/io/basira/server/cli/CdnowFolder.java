package io.basira.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CDNOW_sample.txt as a canonical import folder: one customer per sample id (created at her first purchase),
 * one completed order per transaction row (dates at midnight UTC, dollars with two decimals).
 */
final class CdnowFolder {

    private CdnowFolder() {}

    static Path write(Path dir) throws IOException {
        List<String[]> rows;
        try (InputStream in = CdnowFolder.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            rows = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+"))
                    .toList();
        }
        Map<String, String> firstDay = new LinkedHashMap<>();
        StringBuilder orders = new StringBuilder("order_id,customer_id,created_at,status,total\n");
        int n = 0;
        for (String[] r : rows) {
            String day = r[2].substring(0, 4) + "-" + r[2].substring(4, 6) + "-" + r[2].substring(6, 8);
            firstDay.merge(r[1], day, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            orders.append("T")
                    .append(++n)
                    .append(',')
                    .append(r[1])
                    .append(',')
                    .append(day)
                    .append("T00:00:00Z,completed,")
                    .append(new java.math.BigDecimal(r[4]).setScale(2).toPlainString())
                    .append('\n');
        }
        StringBuilder customers = new StringBuilder("customer_id,created_at\n");
        firstDay.forEach(
                (id, day) -> customers.append(id).append(',').append(day).append("T00:00:00Z\n"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
        return dir;
    }
}
