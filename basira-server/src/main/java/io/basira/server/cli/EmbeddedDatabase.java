package io.basira.server.cli;

import io.basira.server.platform.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded H2 database is embedded: it listens on no port, and only one process at a time may
 * open its folder (H2's file lock). A second process — a CLI command while {@code basira serve}
 * runs, or a second server — is told so in one sentence that names the folder and what to do,
 * instead of an H2 stack trace.
 */
final class EmbeddedDatabase {

    /** H2's error code for "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int ALREADY_OPEN = 90020;

    private EmbeddedDatabase() {}

    /**
     * For an embedded H2 URL: makes the data folder owner-only and checks that no other process holds
     * the database. Does nothing for any other database.
     *
     * @throws InUse when another process has the database open
     */
    static void prepare(Map<String, Object> springProperties) {
        Object url = springProperties.get("spring.datasource.url");
        Object folder = springProperties.get("basira.data-dir");
        if (!(url instanceof String jdbcUrl) || !jdbcUrl.startsWith("jdbc:h2:file:") || folder == null) {
            return;
        }
        Path data = Path.of(folder.toString());
        try {
            OwnerOnly.folder(data);
        } catch (IOException e) {
            if (!Files.isDirectory(data)) {
                throw new Commands.Refused("cannot create the data folder " + data + ": " + e.getMessage());
            }
            System.err.println("basira: warning: could not make the data folder " + data
                    + " readable by its owner only (" + e.getMessage() + "); check its permissions");
        }
        try (Connection probe = DriverManager.getConnection(
                jdbcUrl,
                String.valueOf(springProperties.get("spring.datasource.username")),
                String.valueOf(springProperties.get("spring.datasource.password")))) {
            probe.isValid(1);
        } catch (SQLException e) {
            inUse(e, data).ifPresent(inUse -> {
                throw inUse;
            });
            // any other failure is Spring's to report when it opens the database
        }
    }

    /** The {@link InUse} error when {@code failure} (or one of its causes) is H2's lock refusal. */
    static Optional<InUse> inUse(Throwable failure, Path data) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ALREADY_OPEN) {
                return Optional.of(new InUse(data));
            }
        }
        return Optional.empty();
    }

    /** Another process holds the embedded database; exit code 1, one line. */
    static final class InUse extends Commands.Refused {
        private static final long serialVersionUID = 1L;

        InUse(Path data) {
            super("the embedded database in " + data + " is in use by another Basira process (a running "
                    + "'basira serve'?). Stop that process first, or while the server runs use its HTTP API instead "
                    + "of the command line; to share one database between processes, use PostgreSQL (--db-url).");
        }
    }
}
