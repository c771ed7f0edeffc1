package uk.consumptioninsights.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import uk.consumptioninsights.app.instance.MacOpenFileEvents;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency direction model ← data-access ← app, checked on the main classes of all three modules (the app's
 * test class path holds the model and data-access jars).
 */
class LayeringArchitectureTest {

    private static final String MODEL = "uk.consumptioninsights.model..";
    private static final String DATA_ACCESS = "uk.consumptioninsights.dataaccess..";
    private static final String APP = "uk.consumptioninsights.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.all();
    }

    @Test
    void allThreeModulesAreImported() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("uk.consumptioninsights.model"))
                .anyMatch(p -> p.startsWith("uk.consumptioninsights.dataaccess"))
                .anyMatch(p -> p.startsWith("uk.consumptioninsights.app"));
    }

    @Test
    void modelIsPureJava() {
        ArchRule rule = noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(DATA_ACCESS, APP, "javafx..", "java.sql..",
                        "java.io..", "java.nio.file..", "java.net..")
                .because("the model is domain code: no IO, no JDBC, no UI");
        rule.check(classes);
    }

    @Test
    void dataAccessKnowsNothingOfTheApp() {
        noClasses().that().resideInAPackage(DATA_ACCESS)
                .should().dependOnClassesThat().resideInAnyPackage(APP, "javafx..")
                .check(classes);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void noAwtOrSwing() {
        noClasses().that().doNotHaveFullyQualifiedName(MacOpenFileEvents.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
                .because("macOS hands a double-clicked file to the app only through java.awt.Desktop, in one class")
                .check(classes);
    }

    @Test
    void noStandardStreamsInMainCode() {
        // The command line (package cli) is the one place that prints.
        noClasses().that().resideOutsideOfPackage("uk.consumptioninsights.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.concurrent..")
                .because("view-models are unit-tested without the toolkit; javafx.beans and javafx.collections are fine")
                .check(classes);
    }

    @Test
    void viewModelsDoNoJdbc() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(classes);
    }

    @Test
    void taskHelperIsToolkitFreeExceptItsFxRunner() {
        noClasses().that().resideInAPackage("uk.consumptioninsights.app.task..")
                .and().haveNameNotMatching(".*\\.FxTaskRunner(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.concurrent..", "javafx.application..",
                        "javafx.scene..")
                .check(classes);
    }

    @Test
    void theCommandLineNeedsNoToolkitAndNoJdbc() {
        noClasses().that().resideInAPackage("uk.consumptioninsights.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..")
                .because("ciw runs without a display, through the same services as the app's view-models")
                .check(classes);
    }

    @Test
    void onlyTheSourceAdaptersOfTheAppTouchJdbc() {
        noClasses().that().resideInAPackage(APP)
                .and().resideOutsideOfPackage("uk.consumptioninsights.app.source..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(classes);
    }
}
