package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows bound as column arrays come back from {@code unnest} as they went in: values, nulls, instants, order. */
class ColumnArraysOnPostgresTest {

    private record Row(String id, Integer count, Long total, BigDecimal share, Instant at) {}

    private static final ColumnArrays<Row> COLUMNS = ColumnArrays.<Row>of()
            .text("id", Row::id)
            .integer("count", Row::count)
            .bigint("total", Row::total)
            .numeric("share", Row::share)
            .timestamptz("at", Row::at);

    @Test
    void declares_one_cast_array_per_column_and_binds_them_in_order() throws Exception {
        assertThat(COLUMNS.unnest("v"))
                .isEqualTo("unnest(?::text[], ?::int[], ?::bigint[], ?::numeric[], ?::timestamptz[]) AS v(id, count,"
                        + " total, share, at)");
        List<Row> rows = List.of(
                new Row("C2", 3, 4_200L, new BigDecimal("0.3333"), Instant.parse("2024-05-31T21:00:00Z")),
                new Row("C1", null, null, null, null),
                new Row("ع١", 0, Long.MAX_VALUE, BigDecimal.ONE, Instant.parse("2024-01-01T00:00:00.123456Z")));
        Map<String, String> db = TestDatabases.postgres();
        try (Connection connection = DriverManager.getConnection(
                        db.get("spring.datasource.url"),
                        db.get("spring.datasource.username"),
                        db.get("spring.datasource.password"));
                PreparedStatement ps =
                        connection.prepareStatement("SELECT v.id, v.count, v.total, v.share, v.at, v.n, ?" + " FROM "
                                + COLUMNS.unnestWithOrdinality("v", "n") + " ORDER BY v.n")) {
            ps.setString(1, "first");
            assertThat(COLUMNS.bind(ps, 2, rows)).isEqualTo(7);
            List<Row> back = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getLong("n")).isEqualTo(back.size() + 1);
                    OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
                    back.add(new Row(
                            rs.getString("id"),
                            (Integer) rs.getObject("count"),
                            (Long) rs.getObject("total"),
                            rs.getBigDecimal("share"),
                            at == null ? null : at.toInstant()));
                }
            }
            assertThat(back).isEqualTo(rows);
        }
    }
}
