package io.basira.server.dashboard;

import io.basira.server.importing.ImportFolder;
import io.basira.server.importing.ImportOutcome;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** A store made for one test class, loaded from a CSV folder, with an owner and a support agent. */
public record DashboardFixture(
        Store store, String ownerEmail, String ownerPassword, String supportEmail, String supportPassword) {

    public static DashboardFixture create(
            ImportFolder importer, JdbcStores stores, AddDashboardUser users, Path folder, String name) {
        String slug = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        ImportOutcome outcome = importer.runCreating(
                new ImportFolder.NewStore(slug, name, Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh")),
                folder,
                false,
                ImportFolder.Progress.none());
        if (!outcome.applied()) {
            throw new IllegalStateException(
                    "fixture did not import: " + outcome.report().errors());
        }
        Store store = stores.findBySlug(slug).orElseThrow();
        var owner = users.add(store.id(), "owner@" + slug + ".test", Role.OWNER);
        var support = users.add(store.id(), "Support@" + slug + ".test", Role.SUPPORT);
        return new DashboardFixture(
                store, owner.user().email(), owner.password(), support.user().email(), support.password());
    }

    /** A folder of test resources, e.g. {@code csvimport/complete}. */
    public static Path resource(String folder) {
        try {
            return Path.of(DashboardFixture.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
