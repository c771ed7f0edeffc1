package uk.consumptioninsights.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.time.SettlementCalendar;

class AppConfigTest {

    @TempDir
    Path home;

    private final String buildHome = System.getProperty("ciw.home");

    @AfterEach
    void clear() {
        if (buildHome == null) {
            System.clearProperty("ciw.home");
        } else {
            System.setProperty("ciw.home", buildHome);
        }
        System.clearProperty(AppConfig.METERS_PROPERTY);
        System.clearProperty(AppConfig.DAYS_PROPERTY);
    }

    @Test
    void defaultsToTheStandardFleetEndingYesterdayInLondon() {
        System.setProperty("ciw.home", home.toString());
        AppConfig config = AppConfig.fromSystemProperties();

        assertThat(config.workspaceFile()).isEqualTo(home.resolve("workspaces").resolve("local.duckdb"));
        assertThat(config.fleet().meterCount()).isEqualTo(FleetSettings.DEFAULT_METERS);
        assertThat(config.fleet().dayCount()).isEqualTo(FleetSettings.DEFAULT_DAYS);
        assertThat(config.fleet().lastDay()).isEqualTo(LocalDate.now(SettlementCalendar.LONDON).minusDays(1));
    }

    @Test
    void metersAndDaysCanBeOverriddenForFastTests() {
        System.setProperty(AppConfig.METERS_PROPERTY, "40");
        System.setProperty(AppConfig.DAYS_PROPERTY, "10");

        AppConfig config = AppConfig.fromSystemProperties();

        assertThat(config.fleet().meterCount()).isEqualTo(40);
        assertThat(config.fleet().dayCount()).isEqualTo(10);
    }

    @Test
    void nonsenseOverridesAreIgnored() {
        System.setProperty(AppConfig.METERS_PROPERTY, "lots");
        System.setProperty(AppConfig.DAYS_PROPERTY, "-3");

        AppConfig config = AppConfig.fromSystemProperties();

        assertThat(config.fleet().meterCount()).isEqualTo(FleetSettings.DEFAULT_METERS);
        assertThat(config.fleet().dayCount()).isEqualTo(FleetSettings.DEFAULT_DAYS);
    }

    @Test
    void importsGoBesideTheDefaultWorkspace() {
        System.setProperty("ciw.home", home.toString());

        assertThat(AppConfig.fromSystemProperties().importFolder()).isEqualTo(home.resolve("workspaces").toAbsolutePath());
    }

    @Test
    void aCsvOnTheCommandLineIsImportedOnStartAndAnythingElseIgnored() {
        assertThat(AppConfig.csvToImport(List.of())).isEmpty();
        assertThat(AppConfig.csvToImport(List.of("--verbose", "notes.txt"))).isEmpty();
        assertThat(AppConfig.csvToImport(List.of("/data/lcl_100_households_2013.csv.gz")))
                .contains(Path.of("/data/lcl_100_households_2013.csv.gz"));
        assertThat(AppConfig.csvToImport(List.of("--verbose", "blocks/BLOCK_0.CSV", "second.csv")))
                .contains(Path.of("blocks/BLOCK_0.CSV"));
    }

    @Test
    void theFoldersTheWorkbenchWritesToAreItsUsersAlone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.getFileStore(home).supportsFileAttributeView("posix"));
        Path data = home.resolve("data");
        AppConfig config = new AppConfig(data.resolve("workspaces").resolve("local.duckdb"), FleetSettings.defaults(
                java.time.LocalDate.of(2026, 11, 30)));
        java.nio.file.Files.createDirectories(data.resolve("recipients"));
        java.nio.file.Files.setPosixFilePermissions(data.resolve("recipients"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        config.keepPrivate();

        for (Path folder : List.of(data, data.resolve("workspaces"), data.resolve("recipients"))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(folder)))
                    .as(folder.toString()).isEqualTo("rwx------");
        }
    }
}
