package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * H2's appending sends rows {@code ROWS} at a time in one multi-row insert and the rest one by one: every row
 * arrives once, with its values (null, text, number, instant), whatever the count.
 */
class StagedRowsOnH2Test {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 49, 50, 51, 100, 123})
    void every_row_is_appended_once_with_its_values(int count) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:staged-" + count + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE appended (n BIGINT NOT NULL, label VARCHAR(20), at TIMESTAMP WITH TIME ZONE)");
        Instant at = Instant.parse("2026-12-07T10:00:00.123456Z");
        new TransactionTemplate(new DataSourceTransactionManager(h2)).executeWithoutResult(status -> {
            try (StagedRows rows = StagedRows.appending(h2, SqlDialect.H2, "appended", List.of("n", "label", "at"))) {
                for (long n = 0; n < count; n++) {
                    rows.append(n, n % 3 == 0 ? null : "row " + n, at.plusSeconds(n));
                }
            }
        });
        List<Long> numbers = jdbc.queryForList("SELECT n FROM appended ORDER BY n", Long.class);
        assertThat(numbers).hasSize(count).doesNotHaveDuplicates();
        for (long n = 0; n < count; n++) {
            assertThat(numbers.get((int) n)).isEqualTo(n);
            assertThat(jdbc.queryForObject("SELECT label FROM appended WHERE n = ?", String.class, n))
                    .isEqualTo(n % 3 == 0 ? null : "row " + n);
            assertThat(jdbc.queryForObject("SELECT at FROM appended WHERE n = ?", OffsetDateTime.class, n)
                            .toInstant())
                    .isEqualTo(at.plusSeconds(n));
        }
        jdbc.execute("DROP TABLE appended");
    }
}
