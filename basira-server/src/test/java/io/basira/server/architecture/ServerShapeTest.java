package io.basira.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.platform.errors.ApiErrors;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The server's shape (ARCHITECTURE.md, "The server by feature"): {@code io.basira.server.<feature>} with its
 * {@code api}, {@code web} and {@code jdbc} parts, a {@code platform} that every feature may use and that uses no
 * feature, and a dashboard shell (layout, locale, sign-in, navigation) that knows no feature either. Features
 * depend on each other without cycles, the platform's parts too, and HTTP types stay in {@code api}, {@code web},
 * the platform and the shell.
 */
class ServerShapeTest {

    private static final String SERVER = "io.basira.server";
    private static final Set<String> NOT_FEATURES = Set.of("platform", "dashboard", "architecture");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(SERVER);
    }

    @Test
    void features_depend_on_each_other_without_cycles() {
        slices().matching(SERVER + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature is understood, changed and tested from the features below it")
                .check(classes);
    }

    @Test
    void the_platforms_parts_depend_on_each_other_without_cycles() {
        slices().matching(SERVER + ".platform.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_platform_uses_no_feature() {
        noClasses()
                .that()
                .resideInAPackage(SERVER + ".platform..")
                .should()
                .dependOnClassesThat(inAFeature())
                .because("tenancy, security, errors, events and jobs serve every feature")
                .check(classes);
    }

    @Test
    void the_dashboard_shell_uses_no_feature() {
        noClasses()
                .that()
                .resideInAPackage(SERVER + ".dashboard..")
                .should()
                .dependOnClassesThat(inAFeature())
                .because(
                        "each feature's pages live in the feature; the shell is layout, locale, sign-in and navigation")
                .check(classes);
    }

    @Test
    void http_types_stay_in_api_web_the_platform_and_the_shell() {
        noClasses()
                .that()
                .resideInAPackage(SERVER + "..")
                .and()
                .resideOutsideOfPackages("..api..", "..web..", SERVER + ".platform..", SERVER + ".dashboard..")
                .and()
                .doNotHaveFullyQualifiedName(SERVER + ".BasiraServer")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(ApiErrors.class)
                .because("a use case answers in the domain's terms; its callers turn that into HTTP")
                .check(classes);
    }

    @Test
    void every_dashboard_page_gets_the_shells_layout() {
        classes()
                .that()
                .resideInAPackage("..web..")
                .and()
                .areMetaAnnotatedWith(Controller.class)
                .should()
                .beAnnotatedWith(DashboardPage.class)
                .because("the shell's layout model (store, user, language) is added to @DashboardPage controllers only")
                .check(classes);
    }

    @Test
    void every_package_states_its_contract() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/java/io/basira/server");
        try (var folders = java.nio.file.Files.walk(sources)) {
            assertThat(folders.filter(java.nio.file.Files::isDirectory)
                            .filter(folder -> !java.nio.file.Files.exists(folder.resolve("package-info.java")))
                            .map(sources::relativize)
                            .map(Object::toString)
                            .toList())
                    .as("packages without a package-info.java saying what they hold and promise")
                    .isEmpty();
        }
    }

    @Test
    void the_rules_see_the_features() {
        Set<String> features = new TreeSet<>();
        classes.forEach(c -> feature(c.getPackageName()).ifPresent(features::add));
        assertThat(features)
                .contains(
                        "analytics", "campaigns", "checkout", "customers", "groups", "loyalty", "privacy", "products");
        assertThat(classes.containPackage(SERVER + ".platform.events")).isTrue();
    }

    private static DescribedPredicate<JavaClass> inAFeature() {
        return DescribedPredicate.describe(
                "are in a feature of the server",
                c -> feature(c.getPackageName()).isPresent());
    }

    /** The feature a package belongs to: the first segment under the server's package, unless platform or shell. */
    private static java.util.Optional<String> feature(String packageName) {
        if (!packageName.startsWith(SERVER + ".")) {
            return java.util.Optional.empty();
        }
        String first = packageName.substring(SERVER.length() + 1).split("\\.")[0];
        return NOT_FEATURES.contains(first) ? java.util.Optional.empty() : java.util.Optional.of(first);
    }
}
