package io.basira.server.cli;

import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.EraseCustomer;
import io.basira.server.privacy.ExportCustomer;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basira privacy export --store SLUG --customer ID --out FILE.zip} and {@code basira privacy erase --store SLUG
 * --customer ID --yes} (docs/privacy.md): the same export and erasure as the API's, audited with the actor
 * {@code command line}.
 */
@Command(name = "privacy", description = "Export or erase everything held about one customer (docs/privacy.md).")
public class PrivacyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "ACTION", description = "export or erase")
    String action;

    @Option(names = "--store", required = true, paramLabel = "SLUG")
    String slug;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "the store's customer id")
    String customerId;

    @Option(names = "--out", paramLabel = "FILE.zip", description = "export: where to write the zip")
    Path out;

    @Option(names = "--yes", description = "erase: confirm that the customer is to be erased for good")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        if (!"export".equals(action) && !"erase".equals(action)) {
            throw new Commands.UsageError("privacy can 'export' or 'erase', not '" + action + "'");
        }
        if ("export".equals(action) && out == null) {
            throw new Commands.UsageError("privacy export needs --out FILE.zip");
        }
        if ("erase".equals(action) && !yes) {
            throw new Commands.UsageError("privacy erase removes the customer's data for good: add --yes to confirm");
        }
        try (var context = SpringContexts.start(db, false, Map.of())) {
            Store store = Commands.store(context, slug);
            AuditLog audit = context.getBean(AuditLog.class);
            try {
                return "export".equals(action)
                        ? export(context.getBean(ExportCustomer.class), audit, store)
                        : erase(context.getBean(EraseCustomer.class), store);
            } catch (io.basira.server.platform.errors.NotFound missing) {
                throw new Commands.UsageError(missing.getMessage());
            }
        }
    }

    private int export(ExportCustomer export, AuditLog audit, Store store) throws IOException {
        CustomerDataKind.Person person = export.person(store, customerId);
        Path absolute = out.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        audit.record(
                store.id(),
                AuditLog.Actor.cli(),
                "customer.export",
                AuditLog.Subject.customer(
                        customerId,
                        ((person.firstName() == null ? "" : person.firstName()) + " "
                                        + (person.lastName() == null ? "" : person.lastName()))
                                .strip()),
                List.of());
        long rows;
        try (OutputStream stream = Files.newOutputStream(absolute)) {
            rows = export.write(store, person, stream);
        }
        System.out.println(
                "Exported " + rows + " rows about customer '" + customerId + "' of '" + slug + "' to " + absolute);
        return 0;
    }

    private int erase(EraseCustomer erase, Store store) {
        EraseCustomer.Erased erased = erase.erase(store, customerId, AuditLog.Actor.cli(), null);
        System.out.println("Erased customer '" + customerId + "' of '" + slug + "' (erasure " + erased.erasureId()
                + "); rows per kind: " + erased.counts());
        return 0;
    }
}
