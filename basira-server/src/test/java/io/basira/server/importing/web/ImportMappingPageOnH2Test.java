package io.basira.server.importing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
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
 * The import page's column mapping over real HTTP: load a preset, save an edited mapping, preview a merchant
 * file through it with its errors, and see that the mapping is the store's own and the owner's alone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class ImportMappingPageOnH2Test {

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

    static DashboardFixture fixture;
    static DashboardFixture otherStore;
    DashboardClient owner;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
            otherStore = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر آخر");
        }
        owner = new DashboardClient(port);
        owner.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    private Map<String, String> arabicCustomers(String values) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", owner.csrfTokenOf("/import/mapping"));
        form.put("name", "عملائي");
        form.put("source_customers", "عملاء*.csv");
        form.put("date_customers", "dd/MM/yyyy");
        form.put("col_customers_customer_id", "رقم العميل");
        form.put("col_customers_gender", "الجنس");
        form.put("col_customers_created_at", "تاريخ التسجيل | Created");
        form.put("values_customers", values);
        return form;
    }

    @Test
    void a_preset_loads_into_the_editor_without_being_saved() {
        HttpResponse<String> page = owner.get("/import/mapping?preset=salla-customers");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "مطابقة الأعمدة",
                        "value=\"الجنس | Gender\"",
                        "gender: ذكر = male",
                        "value=\"*customers*.csv\"");
    }

    @Test
    void an_owner_saves_a_mapping_previews_a_file_through_it_and_imports_with_it() {
        HttpResponse<String> saved =
                owner.postForm("/import/mapping", arabicCustomers("gender: ذكر = male\n" + "gender: أنثى = female\n"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(owner.get("/import/mapping").body())
                .contains("المطابقة المحفوظة: <bdi translate=\"no\">عملائي</bdi>", "value=\"رقم العميل\"");
        assertThat(owner.get("/import").body()).contains("name=\"useMapping\"", "(عملائي)");

        HttpResponse<String> preview = owner.postMultipart(
                "/import/mapping/preview",
                Map.of("_csrf", owner.csrfTokenOf("/import/mapping"), "kind", "customers"),
                "file",
                "عملاء.csv",
                "رقم العميل,الجنس,تاريخ التسجيل\nC-9,أنثى,05/01/2024\nC-10,غير معروف,2024-13-01\n");

        assertThat(preview.statusCode()).isEqualTo(200);
        // the row's problems in the page's language, from their codes (issue 14, item 5)
        assertThat(preview.body())
                .contains(
                        "id=\"preview-table\"",
                        "female",
                        "2024-01-05",
                        "عملاء.csv:3: gender (الجنس)</bdi>: <span data-code=\"unknown_gender\">«\u2068غير معروف\u2069» ليس جنسًا معروفًا",
                        "عملاء.csv:3: created_at (تاريخ التسجيل)</bdi>: <span data-code=\"not_date_time\">«\u20682024-13-01\u2069» ليس تاريخًا ووقتًا")
                .doesNotContain("unknown gender")
                .doesNotContain("class=\"errors\" dir=\"ltr\" lang=\"en\"");
    }

    @Test
    void a_mapping_that_cannot_be_read_is_refused_with_the_reason_and_nothing_is_saved() {
        HttpResponse<String> refused = owner.postForm("/import/mapping", arabicCustomers("gender ذكر male"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("لا يمكن استخدام المطابقة: \u2068customers.csv\u2069، السطر \u20681\u2069 من "
                        + "خريطة القيم: «\u2068gender ذكر male\u2069» ليس على الشكل")
                .doesNotContain("value map line");
        HttpResponse<String> notAColumn = owner.postForm("/import/mapping", arabicCustomers("sex: ذكر = male"));
        assertThat(notAColumn.statusCode()).isEqualTo(400);
        assertThat(notAColumn.body()).contains("«\u2068sex\u2069» ليس عمودًا في هذا الملف");
        assertThat(owner.get("/import/mapping?preset=nope").body()).contains("«\u2068nope\u2069» ليست مطابقة جاهزة");
    }

    @Test
    void the_mapping_is_the_stores_own_and_only_an_owner_may_see_it() {
        owner.postForm("/import/mapping", arabicCustomers(""));

        DashboardClient other = new DashboardClient(port);
        other.signIn(otherStore.ownerEmail(), otherStore.ownerPassword());
        assertThat(other.get("/import/mapping").body())
                .contains("لا توجد مطابقة أعمدة محفوظة")
                .doesNotContain("عملائي");
        assertThat(other.get("/import").body()).doesNotContain("useMapping");

        DashboardClient support = new DashboardClient(port);
        support.signIn(fixture.supportEmail(), fixture.supportPassword());
        assertThat(support.get("/import/mapping").body())
                .contains("استيراد البيانات متاح لمالك المتجر فقط")
                .doesNotContain("id=\"mapping-form\"");
        assertThat(support.postForm("/import/mapping/forget", Map.of("_csrf", support.csrfTokenOf("/customers")))
                        .statusCode())
                .isEqualTo(403);
    }
}
