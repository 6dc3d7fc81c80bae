package org.fusioncell.monitoring.trends;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The analytics, boundaries and drawings are plain Java: unit-testable, reusable without a container. */
class TrendsAnalyticsArchitectureTest {

    @Test
    void analyticsGeometryAndDrawingsAreFreeOfSpring() {
        noClasses().that().resideInAnyPackage("org.fusioncell.monitoring.trends",
                        "org.fusioncell.monitoring.trends.geo", "org.fusioncell.monitoring.trends.svg")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.fusioncell.monitoring.trends"));
    }
}
