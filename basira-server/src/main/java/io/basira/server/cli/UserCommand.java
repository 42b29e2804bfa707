package io.basira.server.cli;

import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.DashboardUser;
import io.basira.server.platform.security.JdbcDashboardUsers;
import io.basira.server.platform.security.Role;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.ConnectionChanges;
import io.basira.shared.Store;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basira user add|list}: the people who sign in to a store's dashboard. */
@Command(
        name = "user",
        description = "Add and list dashboard users of a store.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
public class UserCommand {

    @Command(name = "add", description = "Add a dashboard user and print a generated password (shown once).")
    static class Add implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--email", required = true, description = "the address the user signs in with")
        String email;

        @Option(
                names = "--role",
                defaultValue = "support",
                description = "owner, marketer or support (read-only); default: support")
        String role;

        @Override
        public Integer call() {
            Role parsed = Role.of(role);
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                ConnectionChanges audit = context.getBean(ConnectionChanges.class);
                var added = audit.together(() -> {
                    var made = context.getBean(AddDashboardUser.class).add(store.id(), email, parsed);
                    audit.dashboardUserAdded(
                            store.id(),
                            AuditLog.Actor.cli(),
                            made.user().id(),
                            made.user().email(),
                            made.user().role().code());
                    return made;
                });
                System.out.println("Added " + added.user().role().code() + " "
                        + added.user().email() + " to store '" + store.slug() + "'");
                System.out.println("Password (shown once, hand it over securely): " + added.password());
                return 0;
            }
        }
    }

    @Command(name = "list", description = "List the dashboard users of a store.")
    static class ListUsers implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                for (DashboardUser user :
                        context.getBean(JdbcDashboardUsers.class).list(store.id())) {
                    System.out.println(user.email() + "\t" + user.role().code());
                }
                return 0;
            }
        }
    }
}
