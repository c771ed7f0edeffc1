package uk.consumptioninsights.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.anomalies.LocalRescoring;
import uk.consumptioninsights.app.importer.MeterCsvImporter;
import uk.consumptioninsights.app.provider.WarehouseAccess;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.app.sharing.ShareRecipient;
import uk.consumptioninsights.app.sharing.ShareRefresher;

/**
 * Inside the app: feature packages (one tab or dialog each) never import one another; what several of them need lives
 * in the shared packages. Source adapters of every kind live in {@code source}, which only the composition root (the
 * app's own package) wires in. Logging goes through SLF4J.
 */
class FeatureBoundariesArchitectureTest {

    private static final String APP = "uk.consumptioninsights.app.";
    /** One tab, dialog or the window frame each. */
    private static final List<String> FEATURES = List.of("anomalies", "consumption", "governance", "importer", "overview",
            "provider", "sharing", "shell");
    /**
     * What features share: view-model plumbing and formats, controls, the session and the source switch, background
     * tasks, the remembered preferences every feature reads, and where the log lives.
     */
    private static final List<String> SHARED = List.of("common", "controls", "session", "task", "settings", "logging");
    /** Adapters for every kind of source: local workspace, imported CSV, Databricks provider, Delta Sharing recipient. */
    private static final String SOURCE = APP + "source..";
    /** A command line may print; it is the only main code that does (another branch adds it). */
    private static final String CLI = "uk.consumptioninsights.cli..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.all();
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> APP + name + "..").toArray(String[]::new);
    }

    @Test
    void everyFeatureAndSharedPackageHasClasses() {
        for (String name : concat(FEATURES, SHARED)) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(APP + name)))
                    .as(name).isTrue();
        }
    }

    @Test
    void featuresDoNotImportOneAnother() {
        for (String feature : FEATURES) {
            List<String> others = FEATURES.stream().filter(other -> !other.equals(feature)).toList();
            ArchRule rule = noClasses().that().resideInAPackage(APP + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(others))
                    .because("a feature that needs another's class means that class is shared: move it to common, "
                            + "controls or session");
            assertNoViolation(rule);
        }
    }

    @Test
    void featuresDoNotReachForSourceAdapters() {
        assertNoViolation(noClasses().that().resideInAnyPackage(packages(FEATURES))
                .should().dependOnClassesThat().resideInAPackage(SOURCE)
                .because("features see sources through their own ports and the session; only the composition root "
                        + "wires adapters in"));
    }

    @Test
    void sharedPackagesKnowNoFeatureAndNoAdapter() {
        assertNoViolation(noClasses().that().resideInAnyPackage(packages(SHARED))
                .should().dependOnClassesThat().resideInAnyPackage(concat(Arrays.asList(packages(FEATURES)),
                        List.of(SOURCE)).toArray(String[]::new)));
    }

    @Test
    void everySourceAdapterLivesInTheSourcePackage() {
        for (Class<?> port : List.of(SourceOpener.class, MeterCsvImporter.class, WarehouseAccess.class,
                ShareRecipient.class, ShareRefresher.class, LocalRescoring.class)) {
            assertNoViolation(classes().that().implement(port).and().areNotInterfaces().and().areNotAnonymousClasses()
                    .and().areNotMemberClasses()
                    .should().resideInAPackage(SOURCE)
                    .allowEmptyShould(true));
        }
    }

    @Test
    void loggingGoesThroughSlf4jOnly() {
        assertNoViolation(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
        assertNoViolation(noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.logging.log4j..", "org.apache.commons.logging..", "org.apache.log4j..")
                .because("the workbench logs through SLF4J"));
        assertNoViolation(noClasses().that().resideOutsideOfPackage(CLI)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS.as("print to the standard streams"))
                .because("only the command line prints; everything else logs through SLF4J"));
    }

    private static void assertNoViolation(ArchRule rule) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
