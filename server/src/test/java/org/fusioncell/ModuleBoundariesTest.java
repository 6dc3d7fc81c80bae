package org.fusioncell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module rules of docs/architecture.md, checked on every build. */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusioncell");

    @Test
    void modulesOnlyUseEachOthersApisAndFormNoCycles() {
        // media is a library of several packages that cannot carry Spring Modulith's annotations (it is JDK-only, see
        // mediaEngineDependsOnNothingOfTheServer): it is left out of the application modules, like any library
        ApplicationModules.of(FusionCellApplication.class,
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.fusioncell.media..")).verify();
    }

    @Test
    void accessPolicyAndMarkingsAreFreeOfSpring() {
        noClasses().that().resideInAPackage("org.fusioncell.access").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the policy decision point is plain Java, unit-testable without a container")
                .check(CLASSES);
    }

    @Test
    void namesEngineDependsOnNothingOfTheServer() {
        classes().that().resideInAPackage("org.fusioncell.names..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.fusioncell.names..", "java..",
                        "com.ibm.icu..", "org.apache.commons.text..")
                .because("the names engine is framework-free: the JDK, ICU for other scripts, Commons Text for the "
                        + "evaluation baseline")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void mediaEngineDependsOnNothingOfTheServer() {
        classes().that().resideInAPackage("org.fusioncell.media..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.fusioncell.media..", "java..", "javax..")
                .because("the media engine is framework-free: ImageIO decodes, MessageDigest digests "
                        + "(empty until the server depends on the media module; media's MediaBoundariesTest checks it "
                        + "meanwhile)")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
