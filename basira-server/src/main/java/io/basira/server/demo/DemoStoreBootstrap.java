package io.basira.server.demo;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.server.analytics.NightlyAnalyticsRefresh;
import io.basira.server.dashboard.DemoLoading;
import io.basira.server.importing.ImportFolder;
import io.basira.server.importing.ImportOutcome;
import io.basira.server.platform.files.OwnerOnly;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.JdbcDashboardUsers;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.startup.WarmUp;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * On the first start of {@code basira serve}, creates the store {@code demo} from the demo
 * generator (activity up to today, so recency-based figures look alive), its analytics card fields as of
 * today (the day's nightly refresh, run as part of the loading) and an API key for it.
 * The demo key is printed on the start that creates it and kept in {@code <data>/demo-api-key.txt}
 * (owner-only: {@code rw-------}) for later: a convenience of the demo store only; real keys are
 * shown once and stored only as hashes. Likewise the demo store's dashboard user {@value #DEMO_EMAIL}
 * (an owner) gets a generated password, stored as a hash, printed once and kept in the owner-only
 * {@code <data>/demo-user.txt}.
 */
@Component
@ConditionalOnProperty(name = "basira.demo.enabled", havingValue = "true")
public class DemoStoreBootstrap implements ApplicationRunner {

    static final String SLUG = "demo";
    static final String DEMO_EMAIL = "demo@basira.local";
    private static final int BANNER_WAIT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(DemoStoreBootstrap.class);

    private final JdbcStores stores;
    private final JdbcApiKeys keys;
    private final ImportFolder importer;
    private final Clock clock;
    private final ApplicationContext context;
    private final JdbcDashboardUsers users;
    private final AddDashboardUser addUser;
    private final DemoLoading loading;
    private final ObjectProvider<WarmUp> warmUp;
    private final NightlyAnalyticsRefresh nightly;

    @Value("${basira.data-dir:./data}")
    private Path dataDir;

    public DemoStoreBootstrap(
            JdbcStores stores,
            JdbcApiKeys keys,
            ImportFolder importer,
            Clock clock,
            ApplicationContext context,
            JdbcDashboardUsers users,
            AddDashboardUser addUser,
            DemoLoading loading,
            ObjectProvider<WarmUp> warmUp,
            NightlyAnalyticsRefresh nightly) {
        this.loading = loading;
        this.nightly = nightly;
        this.warmUp = warmUp;
        loading.begin();
        this.users = users;
        this.addUser = addUser;
        this.stores = stores;
        this.keys = keys;
        this.importer = importer;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path keyFile = dataDir.resolve("demo-api-key.txt");
        Path userFile = dataDir.resolve("demo-user.txt");
        String newKey;
        String newPassword;
        try {
            newKey = stores.findBySlug(SLUG).isEmpty() ? load(keyFile) : null;
            newPassword = users.findByEmail(DEMO_EMAIL).isEmpty() ? createDemoUser(userFile) : null;
        } finally {
            loading.end();
        }
        OwnerOnly.restrict(keyFile);
        OwnerOnly.restrict(userFile);
        printLast(banner(baseUrl(), newKey, keyFile, newPassword, userFile));
    }

    /**
     * Prints the sign-in block as the start's last words: after the warm-up's log line (it starts once the
     * application is ready, after this runner), or after {@value #BANNER_WAIT_SECONDS} s when warming takes longer.
     */
    private void printLast(String banner) {
        WarmUp warm = warmUp.getIfAvailable();
        if (warm == null) {
            System.out.print(banner);
            return;
        }
        warm.finished()
                .copy()
                .completeOnTimeout(null, BANNER_WAIT_SECONDS, TimeUnit.SECONDS)
                .thenRun(() -> System.out.print(banner));
    }

    /**
     * What {@code serve} prints at start. The demo key and password appear only on the start that
     * created them ({@code newKey}, {@code newPassword} not null); later starts say which owner-only
     * file keeps them, so they do not end up in every log that captures the server's output.
     */
    static String banner(String baseUrl, String newKey, Path keyFile, String newPassword, Path userFile) {
        String nl = System.lineSeparator();
        String key = newKey != null ? newKey : "kept in " + keyFile;
        String password = newPassword != null ? "password " + newPassword : "the password kept in " + userFile;
        StringBuilder text = new StringBuilder(nl)
                .append("  Basira is running: ")
                .append(baseUrl)
                .append(nl)
                .append("  Demo store 'demo' API key: ")
                .append(key)
                .append(nl)
                .append("  Dashboard: ")
                .append(baseUrl)
                .append("/  sign in as ")
                .append(DEMO_EMAIL)
                .append(" with ")
                .append(password)
                .append(nl);
        if (newKey != null) {
            text.append("  Try: curl -H 'Authorization: Bearer ")
                    .append(newKey)
                    .append("' '")
                    .append(baseUrl)
                    .append("/api/v1/customers?sort=total_spent&direction=desc'")
                    .append(nl);
        }
        return text.append(nl).toString();
    }

    /** Loads the demo store and creates its key. @return the key's secret, also written to {@code keyFile} (owner-only) */
    private String load(Path keyFile) throws IOException {
        LocalDate today = Dates.dateIn(clock.instant(), Store.DEFAULT_TIME_ZONE);
        Path folder = Files.createTempDirectory("basira-demo");
        try {
            log.info("Loading the demo store (first start)…");
            new DemoStoreGenerator()
                    .write(
                            DemoStoreSpec.defaults()
                                    .withPeriod(today.minusYears(2).plusDays(1), today),
                            folder);
            ImportOutcome outcome = importer.runCreating(
                    new ImportFolder.NewStore(
                            SLUG, "متجر بصيرة التجريبي", Store.DEFAULT_CURRENCY, Store.DEFAULT_TIME_ZONE),
                    folder,
                    false,
                    ImportFolder.Progress.none());
            if (!outcome.applied()) {
                throw new IllegalStateException(
                        "the demo store did not import: " + outcome.report().errors());
            }
            Store demo = stores.findBySlug(SLUG).orElseThrow();
            // the store's first analytics now, as part of its loading: its pages and analytics rules have them from
            // the first request, and the scheduler's catch-up for the new store finds the day's refresh done
            // instead of running it under the first minutes' traffic
            nightly.run(demo);
            var key = keys.create(demo.id(), "demo");
            OwnerOnly.write(keyFile, key.secret().value() + System.lineSeparator());
            log.info(
                    "Demo store loaded: {} customers in {} s",
                    outcome.cardsRefreshed(),
                    outcome.took().toSeconds());
            return key.secret().value();
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * The demo owner: the password is written to {@code userFile} (e-mail on line 1, password on line 2),
     * owner-only. @return the password
     */
    private String createDemoUser(Path userFile) throws IOException {
        Store demo = stores.findBySlug(SLUG).orElseThrow();
        AddDashboardUser.Added added = addUser.add(demo.id(), DEMO_EMAIL, Role.OWNER);
        OwnerOnly.write(userFile, DEMO_EMAIL + System.lineSeparator() + added.password() + System.lineSeparator());
        return added.password();
    }

    private String baseUrl() {
        int port = context instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : 8080;
        return "http://localhost:" + port;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
