package org.dutygraph.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The commands sit on top: the application and its features start and work without them. */
class CommandsOnTopTest {

    @Test
    void nothingOutsideTheCommandLineDependsOnIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dutygraph.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dutygraph.cli..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.dutygraph"));
    }
}
