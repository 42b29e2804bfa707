package io.basira.server.cli;

import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import org.springframework.context.ApplicationContext;

/** What several commands share. */
public final class Commands {

    private Commands() {}

    /** The store with this slug. @throws UsageError naming the slug when there is none */
    static Store store(ApplicationContext context, String slug) {
        return context.getBean(JdbcStores.class)
                .findBySlug(slug)
                .orElseThrow(() -> new UsageError("there is no store '" + slug + "' (see: basira store list)"));
    }

    /** A mistake of the user's, reported as one line without a stack trace, exit code 2. */
    public static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The command cannot run now for a reason outside it (the database is in use): one line, exit code 1. */
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
