package vn.thidua.web.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way: web → command, query → eventstore → domain; the domain is plain Java; Axon's tables
 * and storage engines belong to the event-store module alone; the application services speak no HTTP.
 */
class ModuleDependencyTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.thidua");
    }

    /** No class of the package depends on a class of the other packages. */
    private static ArchRule packageDoesNotKnow(String pkg, String... others) {
        return noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAnyPackage(others);
    }

    @Test
    void theDomainIsPlainJava() {
        classes().that().resideInAPackage("vn.thidua.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("vn.thidua.domain..", "java..")
                .because("the domain module is the language and the scoring policy, with no framework")
                .check(classes);
    }

    @Test
    void theWriteSideDoesNotKnowTheReadSideOrTheWeb() {
        packageDoesNotKnow("vn.thidua.command..", "vn.thidua.query..", "vn.thidua.web..").check(classes);
    }

    @Test
    void theReadSideDoesNotKnowTheWriteSideOrTheWeb() {
        packageDoesNotKnow("vn.thidua.query..", "vn.thidua.command..", "vn.thidua.web..").check(classes);
    }

    @Test
    void theDomainHasNoSpringAndNoAxon() {
        packageDoesNotKnow("vn.thidua.domain..", "org.springframework..", "org.axonframework..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theEventStoreModuleKnowsOnlyTheDomain() {
        packageDoesNotKnow("vn.thidua.eventstore..", "vn.thidua.command..", "vn.thidua.query..", "vn.thidua.web..")
                .because("the event store is infrastructure under both sides, not a part of either")
                .check(classes);
    }

    @Test
    void axonsStorageEnginesAreConfiguredOnlyByTheEventStoreModule() {
        noClasses().that().resideOutsideOfPackage("vn.thidua.eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing.eventstore.jdbc..",
                        "org.axonframework.eventhandling.tokenstore.jdbc..", "org.axonframework.eventhandling.deadletter.jdbc..",
                        "org.axonframework.serialization.json..", "org.axonframework.serialization.upcasting..")
                .check(classes);
    }

    @Test
    void theApplicationServicesSpeakNoHttp() {
        packageDoesNotKnow("vn.thidua.web.app..",
                "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..", "org.springframework.ui..")
                .because("REST controllers, form controllers and the Excel import call the same services")
                .check(classes);
    }

    /**
     * Every SQL statement on Axon's own tables is the event-store module's: no other class of the application holds
     * one of their names (read from the compiled classes' constant pools, where SQL strings live).
     */
    @Test
    void onlyTheEventStoreModuleNamesAxonsTables() throws java.io.IOException {
        java.util.List<String> tables = java.util.List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
                "dead_letter_entry");
        java.util.List<String> offenders = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass c : classes) {
            if (c.getPackageName().startsWith("vn.thidua.eventstore") || c.getSource().isEmpty()) {
                continue;
            }
            try (java.io.InputStream in = c.getSource().get().getUri().toURL().openStream()) {
                String bytes = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                tables.stream().filter(bytes::contains).forEach(t -> offenders.add(c.getName() + " names " + t));
            }
        }
        org.assertj.core.api.Assertions.assertThat(offenders).isEmpty();
    }
}
