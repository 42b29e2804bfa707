package io.basira.server.cli;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.ConnectionChanges;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basira store create|list|new-key|revoke-key}: stores and their API keys. */
@Command(
        name = "store",
        description = "Create and list stores, issue and revoke API keys.",
        subcommands = {
            StoreCommand.Create.class,
            StoreCommand.ListStores.class,
            StoreCommand.NewKey.class,
            StoreCommand.RevokeKey.class
        })
public class StoreCommand {

    @Command(name = "create", description = "Create a store and print its first API key (shown once).")
    static class Create implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--slug", required = true, description = "the store's short name: a-z, 0-9 and '-'")
        String slug;

        @Option(names = "--name", description = "display name (default: the slug)")
        String name;

        @Option(names = "--currency", defaultValue = "SAR", description = "ISO 4217 code (default: SAR)")
        String currency;

        @Option(names = "--time-zone", defaultValue = "Asia/Riyadh", description = "IANA zone (default: Asia/Riyadh)")
        String zone;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                ConnectionChanges audit = context.getBean(ConnectionChanges.class);
                // the store, its first key and the key's audit entry commit together
                Store store = audit.together(() -> context.getBean(JdbcStores.class)
                        .create(slug, name == null ? slug : name, Currency.getInstance(currency), ZoneId.of(zone)));
                var key = audit.together(() -> {
                    var made = context.getBean(JdbcApiKeys.class).create(store.id(), "created with the store");
                    audit.apiKeyCreated(
                            store.id(),
                            AuditLog.Actor.cli(),
                            made.info().id(),
                            made.info().label(),
                            made.info().prefix());
                    return made;
                });
                System.out.println(
                        "Created store '" + store.slug() + "' (" + store.currency() + ", " + store.timeZone() + ")");
                System.out.println(
                        "API key (shown once, keep it): " + key.secret().value());
                return 0;
            }
        }
    }

    @Command(name = "list", description = "List the stores.")
    static class ListStores implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                for (Store store : context.getBean(JdbcStores.class).all()) {
                    System.out.println(
                            store.slug() + "\t" + store.name() + "\t" + store.currency() + "\t" + store.timeZone());
                }
                return 0;
            }
        }
    }

    @Command(name = "new-key", description = "Issue another API key for a store (shown once).")
    static class NewKey implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--label", description = "what the key is for")
        String label;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                ConnectionChanges audit = context.getBean(ConnectionChanges.class);
                var key = audit.together(() -> {
                    var made = context.getBean(JdbcApiKeys.class).create(store.id(), label);
                    audit.apiKeyCreated(
                            store.id(),
                            AuditLog.Actor.cli(),
                            made.info().id(),
                            made.info().label(),
                            made.info().prefix());
                    return made;
                });
                System.out.println("API key " + key.info().id() + " (shown once, keep it): "
                        + key.secret().value());
                return 0;
            }
        }
    }

    @Command(name = "revoke-key", description = "Revoke an API key of a store.")
    static class RevokeKey implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--id", required = true, description = "the key's id (see the API's /api/v1/api-keys)")
        long id;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                JdbcApiKeys keys = context.getBean(JdbcApiKeys.class);
                var key =
                        keys.list(store.id()).stream().filter(k -> k.id() == id).findFirst();
                ConnectionChanges audit = context.getBean(ConnectionChanges.class);
                boolean revoked = audit.together(() -> {
                    if (!keys.revoke(store.id(), id)) {
                        return false;
                    }
                    audit.apiKeyRevoked(
                            store.id(),
                            AuditLog.Actor.cli(),
                            id,
                            key.map(JdbcApiKeys.ApiKeyInfo::label).orElse(null),
                            key.map(JdbcApiKeys.ApiKeyInfo::prefix).orElse(null));
                    return true;
                });
                if (!revoked) {
                    System.err.println("store '" + slug + "' has no active API key " + id);
                    return 1;
                }
                System.out.println("Revoked API key " + id);
                return 0;
            }
        }
    }
}
