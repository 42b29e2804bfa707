package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.server.support.TestDatabases;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A caller that fails while a streamed {@code COPY} is open (an import whose reader runs out of heap half way
 * through a file) gives the rows up with {@link StagedRows#abort}: the {@code COPY} is cancelled and its writer
 * thread stopped, so the transaction's rollback runs at once on the same connection — it used to wait on the open
 * {@code COPY} for ever — and the connection serves the next transaction.
 */
class StagedRowsAbortOnPostgresTest {

    @Test
    @Timeout(60)
    void an_abandoned_copy_lets_the_rollback_run_and_the_connection_serve_again() {
        Map<String, String> db = TestDatabases.postgres();
        // one connection for everything: the rollback and the next statement run on the connection the COPY had
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                db.get("spring.datasource.url"),
                db.get("spring.datasource.username"),
                db.get("spring.datasource.password"),
                true);
        try {
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            RuntimeException failure = new IllegalStateException("the reader failed half way through the file");

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                        jdbc.execute(StagedTable.WISHLIST.createSql(SqlDialect.POSTGRESQL));
                        StagedRows rows = StagedRows.streaming(dataSource, SqlDialect.POSTGRESQL, StagedTable.WISHLIST);
                        Instant at = Instant.parse("2024-03-01T10:00:00Z");
                        for (int i = 0; i < 100_000; i++) {
                            rows.add(i, "C" + i, "P" + i % 7, at);
                        }
                        rows.abort();
                        throw failure;
                    }))
                    .isSameAs(failure);

            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().equals("copy-" + StagedTable.WISHLIST.table()));
            Integer staged = transaction.execute(status -> {
                jdbc.execute(StagedTable.WISHLIST.createSql(SqlDialect.POSTGRESQL));
                return jdbc.queryForObject("SELECT count(*) FROM " + StagedTable.WISHLIST.table(), Integer.class);
            });
            assertThat(staged).isZero();
        } finally {
            dataSource.destroy();
        }
    }
}
