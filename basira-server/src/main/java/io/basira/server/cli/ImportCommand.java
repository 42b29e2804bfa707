package io.basira.server.cli;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.ColumnMappingJson;
import io.basira.server.csvimport.FileReport;
import io.basira.server.csvimport.ImportProgress;
import io.basira.server.csvimport.RowError;
import io.basira.server.csvimport.TerminalProgressBar;
import io.basira.server.importing.ImportFolder;
import io.basira.server.importing.ImportMappings;
import io.basira.server.importing.ImportOutcome;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code basira import --store SLUG --dir FOLDER [--mapping PRESET|FILE.json|saved]}: the CSV import
 * (docs/import.md), of canonical files or of a platform's exports through a column mapping.
 * Exit code 0 when applied, 1 when refused because of bad rows (nothing applied), 2 on a usage error.
 */
@Command(name = "import", description = "Import a folder of canonical CSV files into a store (created when missing).")
public class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Option(names = "--store", required = true, paramLabel = "SLUG")
    String slug;

    @Option(names = "--dir", required = true, paramLabel = "FOLDER", description = "the folder of CSV files")
    Path dir;

    @Option(names = "--name", description = "name of a new store (default: the slug)")
    String name;

    @Option(names = "--currency", description = "currency of a new store (default: SAR)")
    String currency;

    @Option(names = "--time-zone", description = "time zone of a new store (default: Asia/Riyadh)")
    String zone;

    @Option(
            names = "--skip-invalid",
            description =
                    "apply the good rows and list the bad ones " + "(default: any bad row refuses the whole import)")
    boolean skipInvalid;

    @Option(
            names = "--mapping",
            paramLabel = "PRESET[,PRESET]|FILE.json|saved",
            description = "read the platform's "
                    + "own exports through a column mapping: presets (salla-customers, salla-orders, zid-customers, zid-orders, "
                    + "shopify-customers, shopify-orders), a mapping file, or the store's saved mapping")
    String mappingSpec;

    @Option(names = "--save-mapping", description = "once imported, save --mapping as the store's mapping")
    boolean saveMapping;

    @Override
    public Integer call() {
        try (var context = SpringContexts.start(db, false, Map.of())) {
            ImportFolder importer = context.getBean(ImportFolder.class);
            ImportMappings mappings = context.getBean(ImportMappings.class);
            Optional<Store> existing = context.getBean(JdbcStores.class).findBySlug(slug);
            ColumnMapping mapping = mapping(mappings, existing);
            ImportProgress bar = TerminalProgressBar.onConsole();
            ImportFolder.Progress progress = pass -> bar;
            ImportOutcome outcome;
            try {
                outcome = existing.isPresent()
                        ? importer.run(existing.get(), dir, skipInvalid, progress, mapping)
                        : importer.runCreating(newStore(), dir, skipInvalid, progress, mapping);
            } catch (OutOfMemoryError e) {
                // the import's transaction has rolled back (ImportFolder gives up its COPY first): say so plainly
                System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
                return 1;
            }
            report(outcome);
            if (outcome.applied() && saveMapping) {
                Store store = context.getBean(JdbcStores.class).findBySlug(slug).orElseThrow();
                mappings.save(store.id(), mapping, io.basira.server.privacy.AuditLog.Actor.cli());
                System.out.println("Saved the column mapping '" + mapping.name() + "' as the store's mapping");
            }
            return outcome.applied() ? 0 : 1;
        }
    }

    /** What to do when the heap ran out: nothing was written, and how much memory a folder needs. */
    static String outOfMemory(long maxHeapBytes) {
        return "Import refused: the import ran out of memory (Java heap at most " + (maxHeapBytes >> 20)
                + " MB). Nothing was written. An import keeps the id of every customer, order and cart it reads"
                + " (about 100 bytes each) to check the rows that refer to them: a folder of 1 million orders fits in"
                + " -Xmx1g, one of 10 million needs about -Xmx4g. Run it again with more memory, for example"
                + " java -Xmx4g -jar basira-server.jar import …, or JAVA_TOOL_OPTIONS=-Xmx4g.";
    }

    private ColumnMapping mapping(ImportMappings mappings, Optional<Store> existing) {
        if (saveMapping && (mappingSpec == null || mappingSpec.isBlank())) {
            throw new Commands.UsageError("--save-mapping needs --mapping");
        }
        try {
            if (mappingSpec != null && mappingSpec.strip().equalsIgnoreCase(ImportMappings.SAVED)) {
                if (existing.isEmpty()) {
                    throw new Commands.UsageError(
                            "store '" + slug + "' does not exist yet, so it has no saved mapping");
                }
                return mappings.resolve(existing.get(), mappingSpec);
            }
            if (mappingSpec != null && (mappingSpec.endsWith(".json") || Files.isRegularFile(Path.of(mappingSpec)))) {
                return ColumnMappingJson.read(Files.readString(Path.of(mappingSpec)));
            }
            return mappings.resolve(existing.orElse(null), mappingSpec);
        } catch (IllegalArgumentException | IOException e) {
            throw new Commands.UsageError("--mapping: " + e.getMessage());
        }
    }

    private ImportFolder.NewStore newStore() {
        try {
            return new ImportFolder.NewStore(
                    slug,
                    name == null ? slug : name,
                    currency == null ? Store.DEFAULT_CURRENCY : Currency.getInstance(currency.toUpperCase(Locale.ROOT)),
                    zone == null ? Store.DEFAULT_TIME_ZONE : ZoneId.of(zone));
        } catch (RuntimeException e) {
            throw new Commands.UsageError("invalid --currency or --time-zone: " + e.getMessage());
        }
    }

    private void report(ImportOutcome outcome) {
        var report = outcome.report();
        for (RowError error : report.errors()) {
            System.err.println(error);
        }
        if (report.errorsLeftOut() > 0) {
            System.err.println("… and " + report.errorsLeftOut() + " more errors");
        }
        System.out.printf(Locale.ROOT, "%-18s %10s %10s %10s%n", "file", "read", "imported", "rejected");
        for (FileReport file : report.files()) {
            if (file.present()) {
                System.out.printf(
                        Locale.ROOT,
                        "%-18s %10d %10d %10d%n",
                        file.file(),
                        file.rowsRead(),
                        outcome.applied() ? file.imported() : 0,
                        file.rejected());
            }
        }
        double seconds = outcome.took().toMillis() / 1000.0;
        if (outcome.applied()) {
            System.out.printf(
                    Locale.ROOT,
                    "Imported into store '%s'%s: %d customer cards refreshed in %.1f s%n",
                    slug,
                    outcome.storeCreated() ? " (created)" : "",
                    outcome.cardsRefreshed(),
                    seconds);
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "Nothing imported: %d bad rows (fix them, or use --skip-invalid to import "
                            + "the good rows) — checked in %.1f s%n",
                    report.errorCount(),
                    seconds);
        }
    }
}
