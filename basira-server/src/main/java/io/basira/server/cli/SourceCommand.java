package io.basira.server.cli;

import io.basira.server.privacy.AuditLog;
import io.basira.server.sources.Platform;
import io.basira.server.sources.Source;
import io.basira.server.sources.SourceChanges;
import io.basira.server.sources.jdbc.JdbcSources;
import io.basira.shared.Store;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code basira source add|list|rotate|remove}: a store's platform sources (docs/connect.md). {@code add} and
 * {@code rotate} print the secret once (made by Basira for Zid and standard when none is given) and end with
 * the webhook URL path on the last line, for scripts.
 */
@Command(
        name = "source",
        description = "Register, list, rotate and remove a store's platform webhook sources.",
        subcommands = {
            SourceCommand.Add.class,
            SourceCommand.ListSources.class,
            SourceCommand.Rotate.class,
            SourceCommand.Remove.class
        })
public class SourceCommand {

    @Command(name = "add", description = "Register a platform source; the last line printed is its webhook URL path.")
    static class Add implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--platform", required = true, description = "salla, zid, shopify or standard")
        String platform;

        @Option(
                names = "--secret",
                paramLabel = "S",
                description = "the platform's secret (Zid: username:password;"
                        + " standard: whsec_…); Zid and standard get one made when omitted")
        String secret;

        @Option(names = "--label", description = "a name for your own reference")
        String label;

        @Override
        public Integer call() {
            Platform chosen = Platform.fromCode(platform);
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                JdbcSources.WithSecret created = context.getBean(SourceChanges.class)
                        .create(store.id(), AuditLog.Actor.cli(), chosen, label, secret);
                System.out.println("Registered " + chosen.code() + " source "
                        + created.source().id() + " for store '" + store.slug() + "'");
                if (secret == null) {
                    System.out.println("Secret (shown once, give it to " + chosen.code() + "): " + created.secret());
                }
                System.out.println(created.source().webhookPath());
                return 0;
            }
        }
    }

    @Command(name = "list", description = "List a store's sources (never their secrets).")
    static class ListSources implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                for (Source source : context.getBean(JdbcSources.class).list(store.id())) {
                    System.out.println(source.id() + "\t" + source.platform().code() + "\t" + source.webhookPath()
                            + "\t" + (source.label() == null ? "" : source.label()));
                }
                return 0;
            }
        }
    }

    @Command(
            name = "rotate",
            description = "Give a source a new secret; the old one stays valid for the rotation window.")
    static class Rotate implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--id", required = true, description = "the source's id (src_…)")
        String id;

        @Option(
                names = "--secret",
                paramLabel = "S",
                description = "the new secret (made for Zid and standard when omitted)")
        String secret;

        @Option(
                names = "--window",
                defaultValue = "24h",
                description = "how long the old secret stays valid (default 24h)")
        String window;

        @Override
        public Integer call() {
            Duration keep = Duration.parse("PT" + window.toUpperCase(java.util.Locale.ROOT));
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                var rotated =
                        context.getBean(SourceChanges.class).rotate(store.id(), AuditLog.Actor.cli(), id, secret, keep);
                if (rotated.isEmpty()) {
                    System.err.println("store '" + slug + "' has no source " + id);
                    return 1;
                }
                System.out.println("Rotated " + id + "; the previous secret is accepted until "
                        + rotated.get().source().previousValidUntil());
                if (secret == null) {
                    System.out.println(
                            "New secret (shown once): " + rotated.get().secret());
                }
                System.out.println(rotated.get().source().webhookPath());
                return 0;
            }
        }
    }

    @Command(name = "remove", description = "Remove a source: its URL answers 404 from now on.")
    static class Remove implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--id", required = true)
        String id;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                if (!context.getBean(SourceChanges.class).remove(store.id(), AuditLog.Actor.cli(), id)) {
                    System.err.println("store '" + slug + "' has no source " + id);
                    return 1;
                }
                System.out.println("Removed source " + id);
                return 0;
            }
        }
    }
}
