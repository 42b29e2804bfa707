package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Permission;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Routes;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A support agent changes nothing, whatever route is added: every state-changing route Spring MVC knows
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}, and every method of a mapping that names none), read
 * from {@link RequestMappingHandlerMapping} rather than from a list kept here, is sent by a signed-in support agent
 * with a valid CSRF token. A dashboard route answers {@code 403}, and the same request from a user whose role holds
 * the permission is not refused, so the {@code 403} is the role rule's (not a missing token or route). An
 * {@code /api/} route answers {@code 401}: the dashboard's session is never an API credential, whatever its role.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class SupportChangesNothingOnH2Test {

    /**
     * Doors every visitor may use, signed in or not: sign-in itself is a filter, not a route, and so is sign-out;
     * the platforms' webhook door has its own chain (signatures, not sessions: docs/connect.md), and so has the
     * tracking snippet's beacon (a public site key and allowed origins: docs/browsing.md).
     */
    // public doors with their own chains: platform webhooks, the tracking beacon, the survey page, one-click
    // unsubscribe,
    // the SMS gateways' replies
    private static final Set<String> OPEN = Set.of(
            "/error",
            "/webhooks/{platform}/{sourceId}",
            "/b/collect",
            "/survey/{token}",
            "/u/{token}",
            "/sms/inbound/{token}");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    /** One store for the class: hashing passwords at cost 12 is deliberately slow. */
    static DashboardFixture fixture;

    static AddDashboardUser.Added marketer;

    @BeforeEach
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
            marketer = addUser.add(
                    fixture.store().id(), "marketer@" + fixture.store().slug() + ".test", Role.MARKETER);
        }
    }

    @Test
    void a_support_agent_is_refused_every_state_changing_dashboard_route() {
        List<String[]> routes = changingRoutes(false);
        assertThat(routes)
                .as("state-changing dashboard routes")
                .hasSizeGreaterThanOrEqualTo(10)
                .anySatisfy(route -> assertThat(route[1]).isEqualTo("/import"));
        DashboardClient support = signedIn(fixture.supportEmail(), fixture.supportPassword());
        DashboardClient owner = signedIn(fixture.ownerEmail(), fixture.ownerPassword());
        DashboardClient marketing = signedIn(marketer.user().email(), marketer.password());
        for (String[] route : routes) {
            String method = route[0];
            String path = route[1];
            HttpResponse<String> refused = support.withCsrfHeader("/", method, path);
            assertThat(refused.statusCode())
                    .as("support agent: %s %s", method, path)
                    .isEqualTo(403);

            boolean importing = path.equals("/import") || path.startsWith("/import/");
            boolean privacy = path.matches("/customers/[^/]+/(erase|privacy-export)") || path.equals("/audit");
            Permission needed = importing ? Permission.IMPORT : privacy ? Permission.PRIVACY : Permission.CHANGE;
            assertThat(Role.SUPPORT.may(needed)).isFalse();
            DashboardClient allowed = Role.MARKETER.may(needed) ? marketing : owner;
            assertThat(allowed.withCsrfHeader("/", method, path).statusCode())
                    .as("%s may %s %s", Role.MARKETER.may(needed) ? "marketer" : "owner", method, path)
                    .isNotEqualTo(403);
        }
        assertThat(support.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void pages_offer_only_what_the_role_rule_allows() {
        DashboardClient support = signedIn(fixture.supportEmail(), fixture.supportPassword());
        DashboardClient marketing = signedIn(marketer.user().email(), marketer.password());
        DashboardClient owner = signedIn(fixture.ownerEmail(), fixture.ownerPassword());
        Map<String, String> changes = Map.of(
                "/groups",
                "href=\"/groups/new\"",
                "/policies",
                "href=\"/policies/new\"",
                "/analytics",
                "action=\"/analytics/refresh\"");
        changes.forEach((page, change) -> {
            assertThat(support.get(page).body()).as(page).doesNotContain(change);
            assertThat(marketing.get(page).body()).as(page).contains(change);
        });
        assertThat(support.get("/import").body()).doesNotContain("type=\"file\"");
        assertThat(marketing.get("/import").body()).doesNotContain("type=\"file\"");
        assertThat(owner.get("/import").body()).contains("type=\"file\"");
    }

    @Test
    void a_marketer_is_refused_an_import() {
        DashboardClient marketing = signedIn(marketer.user().email(), marketer.password());
        assertThat(marketing.withCsrfHeader("/", "POST", "/import").statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_dashboard_session_of_a_support_agent_opens_no_state_changing_api_route() {
        List<String[]> routes = changingRoutes(true);
        assertThat(routes).as("state-changing API routes").hasSizeGreaterThanOrEqualTo(20);
        DashboardClient support = signedIn(fixture.supportEmail(), fixture.supportPassword());
        for (String[] route : routes) {
            HttpResponse<String> refused = support.withCsrfHeader("/", route[0], route[1]);
            assertThat(refused.statusCode()).as("%s %s", route[0], route[1]).isEqualTo(401);
            assertThat(refused.body()).as("%s %s", route[0], route[1]).contains("a valid API key is required");
        }
    }

    @Test
    void the_role_rule_is_read_only_for_support_and_everything_for_owners() {
        assertThat(EnumSet.allOf(Permission.class))
                .allSatisfy(p -> assertThat(Role.OWNER.may(p)).isTrue());
        assertThat(EnumSet.allOf(Permission.class))
                .filteredOn(Role.MARKETER::may)
                .containsExactlyInAnyOrder(Permission.READ, Permission.CHANGE);
        assertThat(EnumSet.allOf(Permission.class))
                .filteredOn(Role.SUPPORT::may)
                .containsExactly(Permission.READ);
    }

    /**
     * Every state-changing method of every route, as {"METHOD", path with each variable filled in}: the API's
     * ({@code /api/}) or the dashboard's (all others but {@link #OPEN}).
     */
    private List<String[]> changingRoutes(boolean api) {
        return Routes.of(mappings, pattern -> pattern.startsWith("/api/") == api && !OPEN.contains(pattern)).stream()
                .filter(Routes.Route::changes)
                .map(route -> new String[] {route.method(), route.path("x1")})
                .toList();
    }

    private DashboardClient signedIn(String email, String password) {
        DashboardClient client = new DashboardClient(port);
        assertThat(client.signIn(email, password).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return client;
    }
}
