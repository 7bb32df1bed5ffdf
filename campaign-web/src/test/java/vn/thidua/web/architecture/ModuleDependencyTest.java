package vn.thidua.web.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: web → command, query → domain; the domain is plain Java. */
class ModuleDependencyTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.thidua");
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
        noClasses().that().resideInAPackage("vn.thidua.command..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.thidua.query..", "vn.thidua.web..")
                .check(classes);
    }

    @Test
    void theReadSideDoesNotKnowTheWriteSideOrTheWeb() {
        noClasses().that().resideInAPackage("vn.thidua.query..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.thidua.command..", "vn.thidua.web..")
                .check(classes);
    }

    @Test
    void theDomainHasNoSpringAndNoAxon() {
        noClasses().that().resideInAPackage("vn.thidua.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "com.fasterxml..")
                .check(classes);
    }
}
