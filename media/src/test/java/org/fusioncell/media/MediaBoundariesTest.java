package org.fusioncell.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The media engine is the JDK only (docs/media.md). Checked here, on the module's own classes, because the server
 * does not depend on this module yet; server's ModuleBoundariesTest holds the same rule for when it does.
 */
class MediaBoundariesTest {

    @Test
    void mediaEngineDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.fusioncell.media..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.fusioncell.media..", "java..", "javax..")
                .because("the media engine is framework-free: ImageIO decodes, MessageDigest digests")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.fusioncell.media"));
    }
}
