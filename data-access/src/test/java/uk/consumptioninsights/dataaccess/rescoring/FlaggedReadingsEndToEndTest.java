package uk.consumptioninsights.dataaccess.rescoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;
import uk.consumptioninsights.dataaccess.importer.LondonCsvImport;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.work.Progress;

/**
 * The product path for readings a faulty meter sends: a 60 kWh half-hour and a negative reading in a London-layout CSV
 * are imported (kept, flagged), never summed into gold, and reach the malfunction detector through Rescore locally.
 */
class FlaggedReadingsEndToEndTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Instant FROM = Instant.parse("2013-02-04T00:00:00Z");
    private static final int DAYS = 35;
    private static final int HOUSEHOLDS = 6;
    private static final Instant HIGH_AT = Instant.parse("2013-02-20T18:00:00Z");
    private static final Instant NEGATIVE_AT = Instant.parse("2013-02-25T03:30:00Z");

    @TempDir
    Path dir;

    @Test
    void aSixtyKwhHalfHourAndANegativeReadingAreFlaggedNotSummedAndFoundByTheMalfunctionDetector() throws Exception {
        Path csv = dir.resolve("faulty.csv");
        Files.write(csv, lines());
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"))) {
            CsvImportReport report = new LondonCsvImport().importFile(csv, workspace, Progress.NONE);
            assertThat(report.flaggedCount()).isEqualTo(2);
            assertThat(report.rejectedCount()).isZero();

            double goldTotal = WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh_total) FROM gold.consumption_daily");
            double plausibleTotal = WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh) FROM silver.hh_readings WHERE kwh BETWEEN 0 AND 50");
            assertThat(goldTotal).isCloseTo(plausibleTotal, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(WorkspaceSql.doubleOf(workspace, "SELECT max(kwh_total) FROM gold.consumption_gsp_half_hourly"))
                    .isLessThan(HOUSEHOLDS * 2.0);

            new WorkspaceRescorer(workspace).rescore(Progress.NONE);

            assertThat(malfunctionCovering(workspace, HIGH_AT)).isEqualTo(1);
            assertThat(malfunctionCovering(workspace, NEGATIVE_AT)).isEqualTo(1);
        }
    }

    private static long malfunctionCovering(LocalWorkspace workspace, Instant at) throws Exception {
        String stamp = STAMP.format(at);
        return WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE anomaly_type = 'meter_malfunction' "
                + "AND interval_start_utc <= TIMESTAMP '" + stamp + "' AND interval_end_utc > TIMESTAMP '" + stamp + "'");
    }

    /** Six households with a steady daily shape; MAC000003 sends 60 kWh once and MAC000005 a negative reading once. */
    private static List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("LCLid,tstp,energy(kWh/hh)");
        for (int h = 0; h < HOUSEHOLDS; h++) {
            String id = String.format(Locale.ROOT, "MAC%06d", h + 1);
            for (int i = 0; i < DAYS * 48; i++) {
                Instant t = FROM.plusSeconds(1800L * i);
                int slot = i % 48;
                double kwh = (1 + 0.1 * h) * (0.15 + 0.25 * (1 + Math.sin(2 * Math.PI * (slot - 12) / 48.0))
                        + (slot >= 34 && slot < 42 ? 0.3 : 0)) + 0.01 * ((i + h) % 3 - 1);
                if (id.equals("MAC000003") && t.equals(HIGH_AT)) {
                    kwh = 60;
                } else if (id.equals("MAC000005") && t.equals(NEGATIVE_AT)) {
                    kwh = -0.4;
                }
                out.add(id + "," + STAMP.format(t) + "," + String.format(Locale.ROOT, " %.3f ", kwh));
            }
        }
        return out;
    }
}
