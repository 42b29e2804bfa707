package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.checkout.Catalogue;
import io.basira.groups.GroupInsights;
import io.basira.groups.GroupRules;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.web.CheckoutForms;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14 over HTTP, each check one that would have caught its complaint: the catalogue edited in the dashboard
 * (names in both languages, through {@code CheckoutSetup}), names instead of codes on the policies page, a group key
 * made from an Arabic name, the group page counting members without an order, why in words, and the sign-in page
 * waiting while the demo store is prepared.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class MerchantWordsOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    CheckoutSetup checkout;

    @Autowired
    GroupRules groups;

    @Autowired
    GroupInsights insights;

    @Autowired
    FieldCatalogue fields;

    @Autowired
    DemoLoading demoLoading;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(importer, stores, addUser, storeFolder(), "متجر الأسماء");
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    /** Three customers, one of whom never ordered. */
    private static Path storeFolder() {
        try {
            Path folder = Files.createTempDirectory("basira-words");
            Files.writeString(
                    folder.resolve("customers.csv"),
                    "customer_id,first_name,country,created_at\n"
                            + "C-1,سارة,SA,2024-01-05\nC-2,عمر,SA,2024-02-01\nC-3,ليلى,SA,2024-03-01\n",
                    StandardCharsets.UTF_8);
            Files.writeString(
                    folder.resolve("orders.csv"),
                    "order_id,customer_id,created_at,status,total\n"
                            + "O-1,C-1,2024-04-01,completed,150.00\nO-2,C-2,2024-04-02,completed,900.00\n",
                    StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_merchant_renames_adds_and_removes_payment_methods_in_both_languages_and_the_pages_show_the_names() {
        String page = browser.get("/policies/catalogue").body();
        assertThat(page).contains("الدفع عند الاستلام", "name=\"methods[0].name_ar\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", browser.csrfTokenOf("/policies/catalogue"));
        form.put("methods[0].code", "cod");
        form.put("methods[0].name", "Cash on delivery");
        form.put("methods[0].name_ar", "نقدًا عند الاستلام");
        form.put("methods[1].code", "bank_transfer");
        form.put("methods[1].remove", "on");
        form.put("methods[2].code", "sadad");
        form.put("methods[2].name", "SADAD");
        form.put("methods[2].name_ar", "سداد");
        form.put("carriers[0].code", "smsa");
        form.put("carriers[0].name", "SMSA Express");
        form.put("carriers[0].name_ar", "سمسا");
        form.put("carriers[0].everyone", "on");
        form.put("carriers[1].code", "spl");
        form.put("carriers[1].name", "Saudi Post");
        HttpResponse<String> saved = browser.postForm("/policies/catalogue", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        Catalogue catalogue = checkout.catalogue(fixture.store());
        assertThat(catalogue.paymentMethods())
                .extracting(Catalogue.PaymentMethod::code)
                .containsExactly("cod", "sadad");
        assertThat(catalogue.paymentMethods().get(0).name(true)).isEqualTo("نقدًا عند الاستلام");
        assertThat(catalogue.carriers())
                .extracting(Catalogue.Carrier::offeredToEveryone)
                .containsExactly(true, false);
        assertThat(checkout.audit(fixture.store(), 1).get(0).toString()).contains("dashboard:" + fixture.ownerEmail());

        checkout.createPolicy(
                fixture.store(),
                fixture.ownerEmail(),
                CheckoutForms.policy(
                        Map.of(
                                "name",
                                new String[] {"إخفاء النقد"},
                                "kind",
                                new String[] {"hide_payment_methods"},
                                "methods",
                                new String[] {"cod", "sadad"}),
                        fixture.store().timeZone()));
        String policies = browser.get("/policies").body();
        assertThat(policies)
                .contains("نقدًا عند الاستلام، سداد")
                .doesNotContain("cod, sadad", "PUT /api/v1/checkout/catalogue");
        assertThat(browser.get("/policies?lang=en").body()).contains("Cash on delivery, SADAD");
    }

    @Test
    void a_refused_catalogue_comes_back_with_the_reason_and_changes_nothing() {
        Catalogue before = checkout.catalogue(fixture.store());
        HttpResponse<String> refused = browser.postForm(
                "/policies/catalogue",
                Map.of(
                        "_csrf",
                        browser.csrfTokenOf("/policies/catalogue"),
                        "methods[0].code",
                        "not a code!",
                        "methods[0].name",
                        "x"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-error\"", "payment method");
        assertThat(checkout.catalogue(fixture.store())).isEqualTo(before);
    }

    @Test
    void a_group_named_in_arabic_gets_a_key_made_from_its_name() {
        String csrf = browser.csrfTokenOf("/groups/new");
        HttpResponse<String> first = browser.postForm(
                "/groups", Map.of("_csrf", csrf, "name", "عملاء مخلصون", "mode", "text", "rule", "order_count >= 1"));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/groups/mla-mkhlswn");
        HttpResponse<String> second = browser.postForm(
                "/groups",
                Map.of(
                        "_csrf",
                        browser.csrfTokenOf("/groups/new"),
                        "name",
                        "عملاء مخلصون",
                        "mode",
                        "text",
                        "rule",
                        "order_count >= 2"));
        assertThat(second.headers().firstValue("Location").orElseThrow()).endsWith("/groups/mla-mkhlswn-2");
        assertThat(browser.get("/groups/new").body()).doesNotContain(" required pattern=");
    }

    @Test
    void the_group_page_says_how_many_members_have_no_order_and_why_reads_in_words() {
        groups.create(fixture.store(), "small", "سلة صغيرة", RuleText.parse("total_spent < 200", fields));
        int withoutOrders =
                insights.preview(fixture.store(), RuleText.parse("group = 'small' AND order_count = 0", fields));
        assertThat(withoutOrders).as("the fixture has customers without orders").isPositive();
        String page = browser.get("/groups/small").body();
        assertThat(page).contains("id=\"without-orders\" data-count=\"" + withoutOrders + "\"", "بلا أي طلب");
        assertThat(page).contains("إجمالي الإنفاق أقل من").doesNotContain("القيمة:");
    }

    @Test
    void the_sign_in_page_waits_while_the_demo_store_is_prepared() {
        DashboardClient anonymous = new DashboardClient(port);
        demoLoading.begin();
        try {
            assertThat(anonymous.get("/login").body()).contains("id=\"demo-loading\"", "data-reload-after");
        } finally {
            demoLoading.end();
        }
        assertThat(anonymous.get("/login").body()).doesNotContain("demo-loading");
    }
}
