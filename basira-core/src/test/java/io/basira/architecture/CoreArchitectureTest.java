package io.basira.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core stays plain Java: no framework, no database, no hidden clock. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.basira");
    }

    @Test
    void the_core_does_not_depend_on_frameworks_or_databases() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta..",
                        "tools.jackson..",
                        "com.fasterxml..")
                .check(core);
    }

    @Test
    void the_core_never_reads_the_system_clock_itself() {
        noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("time is injected (a Clock or a date) so results are reproducible")
                .check(core);
    }

    @Test
    void money_is_never_a_binary_floating_point_number_in_the_domain() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.basira.shared..", "io.basira.commerce..", "io.basira.card..", "io.basira.ingest..")
                .should()
                .callMethod(java.math.BigDecimal.class, "valueOf", double.class)
                .orShould()
                .callConstructor(java.math.BigDecimal.class, double.class)
                .check(core);
    }

    @Test
    void only_use_cases_publish_domain_events() {
        noClasses()
                .that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are not use cases",
                        (com.tngtech.archunit.core.domain.JavaClass c) ->
                                !c.isAnnotatedWith(io.basira.events.UseCase.class)
                                        && c.getEnclosingClass()
                                                .map(outer -> !outer.isAnnotatedWith(io.basira.events.UseCase.class))
                                                .orElse(true)))
                .should()
                .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "call DomainEvents.publish",
                        call -> call.getTarget().getName().equals("publish")
                                && call.getTarget().getOwner().isAssignableTo(io.basira.events.DomainEvents.class)))
                .because("a change's events are published by the use case that makes it, in its transaction")
                .check(core);
    }
}
