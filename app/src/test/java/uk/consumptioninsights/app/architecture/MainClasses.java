package uk.consumptioninsights.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The main classes of all three modules, as the architecture tests check them; imported once per test run. */
final class MainClasses {

    private static JavaClasses imported;

    private MainClasses() {
    }

    static synchronized JavaClasses all() {
        if (imported == null) {
            imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    // data-access's test-jar (the sharing fixture) is on the test class path; it is test code too.
                    .withImportOption(location -> !location.contains("-tests.jar"))
                    .importPackages("uk.consumptioninsights");
        }
        return imported;
    }
}
