package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.work.Progress;

/** The real Low Carbon London extract (shared/data/real/README.md): 100 households, 1,674,718 clean rows in 2013. */
class LondonCsvRealFileImportTest {

    @TempDir
    Path dir;

    @Test
    void importsTheHundredHouseholdYearWithNothingRejected() throws Exception {
        String configured = System.getProperty("lcl.csv");
        assumeThat(configured).as("system property lcl.csv (set by the data-access surefire configuration)").isNotBlank();
        Path csv = Path.of(configured);
        assumeThat(Files.isReadable(csv)).as("real LCL file at %s", csv).isTrue();

        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("lcl.duckdb"))) {
            CsvImportReport report = new LondonCsvImport().importFile(csv, workspace, Progress.NONE);

            assertThat(report.rejectedRows()).isEmpty();
            assertThat(report.households()).isEqualTo(100);
            assertThat(report.readingsImported()).isEqualTo(1_674_718);
            assertThat(report.linesRead()).isEqualTo(1_674_718);
            assertThat(report.firstSettlementDate()).isEqualTo(LocalDate.of(2013, 1, 1));
            assertThat(report.lastSettlementDate()).isEqualTo(LocalDate.of(2013, 12, 31));
            assertThat(report.summary()).isEqualTo("Imported 1,674,718 readings for 100 households "
                    + "(2013-01-01 to 2013-12-31). No rows were rejected.");
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_half_hourly"))
                    .isEqualTo(1_674_718);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.meters")).isEqualTo(100);
            // README: the maximum is 6.528 kWh/hh; rounding to Wh must not move it.
            assertThat(WorkspaceSql.longOf(workspace,
                    "SELECT CAST(round(max(kwh) * 1000) AS BIGINT) FROM gold.consumption_half_hourly")).isEqualTo(6528);
            assertThat(WorkspaceSql.longOf(workspace,
                    "SELECT count(*) FROM gold.consumption_half_hourly WHERE kwh = 0")).isEqualTo(48_055);
            // Every value is on the Wh grid after rounding the float artefacts (1.9220001 → 1.922).
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_half_hourly "
                    + "WHERE abs(kwh * 1000 - round(kwh * 1000)) > 1e-6")).isZero();
            // The file's UTC stamps fall into London settlement days of 46 and 50 periods on the clock-change days.
            assertThat(WorkspaceSql.longOf(workspace, "SELECT min(periods_expected)::INTEGER * 1000 + max(periods_expected) "
                    + "FROM gold.consumption_daily WHERE settlement_date = DATE '2013-03-31'")).isEqualTo(46_046);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT min(periods_expected)::INTEGER * 1000 + max(periods_expected) "
                    + "FROM gold.consumption_daily WHERE settlement_date = DATE '2013-10-27'")).isEqualTo(50_050);
            assertThat(workspace.status()).isEqualTo(WorkspaceStatus.READY);
        }
    }
}
