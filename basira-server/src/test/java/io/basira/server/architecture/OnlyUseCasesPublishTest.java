package io.basira.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Domain events come from use cases only: a class that calls {@link DomainEvents#publish} (in the core or the
 * server) is annotated {@link UseCase} (or nested in one) — or is itself a {@link DomainEvents} passing them
 * on —, and nothing but the outbox
 * ({@code io.basira.server.platform.events}) hands events to Spring's {@link ApplicationEventPublisher}, so no event
 * travels around the outbox.
 */
class OnlyUseCasesPublishTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.basira");
    }

    @Test
    void only_use_cases_publish_domain_events() {
        noClasses()
                .that(notAUseCase())
                .should()
                .callMethodWhere(calling(DomainEvents.class, "publish"))
                .because("a change's events are published by the use case that makes it, in its transaction")
                .check(classes);
    }

    @Test
    void only_the_outbox_uses_springs_event_publisher() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.basira.server.platform.events..")
                .should()
                .callMethodWhere(calling(ApplicationEventPublisher.class, "publishEvent"))
                .because("in-memory events are lost in a crash: domain events go through DomainEvents (the outbox)")
                .check(classes);
    }

    @Test
    void the_rules_see_the_use_cases() {
        org.assertj.core.api.Assertions.assertThat(
                        classes.get(io.basira.ingest.IngestRecords.class).isAnnotatedWith(UseCase.class))
                .isTrue();
    }

    private static DescribedPredicate<JavaClass> notAUseCase() {
        return DescribedPredicate.describe("are not use cases", javaClass -> {
            if (javaClass.isAssignableTo(DomainEvents.class)) {
                return false; // an adapter or decorator of the port passes events on
            }
            Optional<JavaClass> current = Optional.of(javaClass);
            while (current.isPresent()) {
                if (current.get().isAnnotatedWith(UseCase.class)) {
                    return false;
                }
                current = current.get().getEnclosingClass();
            }
            return true;
        });
    }

    private static DescribedPredicate<JavaCall<?>> calling(Class<?> owner, String method) {
        return DescribedPredicate.describe(
                "call " + owner.getSimpleName() + "." + method,
                call -> call.getTarget().getName().equals(method)
                        && call.getTarget().getOwner().isAssignableTo(owner));
    }
}
